package dev.nexuschat.upload.control;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Rewrites a PNG without what it says about where, when and by whom it was made: the chunks are
 * copied as they are (image data, palette, transparency and colour untouched), except the ones that
 * carry metadata: {@code eXIf} (a phone's EXIF, GPS included), the text chunks and {@code tIME},
 * and any ancillary chunk not known to be needed to show the picture. Nothing after {@code IEND} is
 * kept. Chunk CRCs are not checked: a chunk is copied or dropped whole.
 */
final class PngMetadata {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  /**
   * Ancillary chunks that change how the picture looks (transparency, colour, pixel size,
   * animation). Critical chunks (upper-case first letter) are always kept.
   */
  private static final Set<String> SHOWN =
      Set.of(
          "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "cICP", "mDCv", "cLLi",
          "acTL", "fcTL", "fdAT");

  private PngMetadata() {}

  /** Copies {@code in} to {@code out} without its metadata chunks. */
  static void strip(InputStream source, OutputStream out) throws IOException {
    DataInputStream in = new DataInputStream(source);
    byte[] signature = new byte[SIGNATURE.length];
    in.readFully(signature);
    if (!Arrays.equals(signature, SIGNATURE)) {
      throw new IOException("Not a PNG");
    }
    out.write(SIGNATURE);
    byte[] header = new byte[8];
    while (true) {
      try {
        in.readFully(header);
      } catch (EOFException e) {
        throw new EOFException("PNG ends before IEND");
      }
      int length =
          ((header[0] & 0xFF) << 24)
              | ((header[1] & 0xFF) << 16)
              | ((header[2] & 0xFF) << 8)
              | (header[3] & 0xFF);
      if (length < 0) {
        throw new IOException("Bad PNG chunk length"); // the format allows at most 2^31 - 1
      }
      String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
      boolean keep = Character.isUpperCase(type.charAt(0)) || SHOWN.contains(type);
      long rest = (long) length + 4; // data and CRC
      if (keep) {
        out.write(header);
        ChunkCopy.copy(in, out, rest);
      } else {
        ChunkCopy.skip(in, rest);
      }
      if (type.equals("IEND")) {
        return;
      }
    }
  }
}

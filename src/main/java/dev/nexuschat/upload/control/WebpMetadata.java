package dev.nexuschat.upload.control;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Rewrites a WebP without its {@code EXIF} (GPS included) and {@code XMP } chunks, and without any
 * chunk the format does not define for showing the picture; the image data, alpha, colour profile
 * and animation are copied as they are, and the {@code VP8X} header stops announcing the metadata.
 * Nothing after the RIFF container's end is kept.
 *
 * <p>RIFF states the container's size before its chunks, so the file is read twice: once for the
 * size of what is kept, once to copy it. Nothing but one buffer is held in memory, however many
 * chunks the file has.
 */
final class WebpMetadata {
  private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);

  /** Chunks that show the picture (WebP container spec); ANMF frames are copied whole. */
  private static final Set<String> SHOWN =
      Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ICCP", "ANIM", "ANMF");

  /** VP8X flag bits that announce metadata chunks. */
  private static final int EXIF_FLAG = 0x08;

  private static final int XMP_FLAG = 0x04;

  private WebpMetadata() {}

  /** Writes {@code source} to {@code out} without its metadata chunks. */
  static void strip(Path source, OutputStream out) throws IOException {
    long kept = 4; // "WEBP"
    try (Chunks chunks = new Chunks(source)) {
      for (Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
        if (chunk.kept()) {
          kept += 8 + chunk.padded();
        }
        ChunkCopy.skip(chunks.in, chunk.padded());
      }
    }
    try (Chunks chunks = new Chunks(source)) {
      out.write(RIFF);
      writeLittleEndian(out, kept); // at most the source's own size, so it fits
      out.write(WEBP);
      for (Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
        if (!chunk.kept()) {
          ChunkCopy.skip(chunks.in, chunk.padded());
          continue;
        }
        out.write(chunk.header());
        if (chunk.type().equals("VP8X") && chunk.size() >= 1) {
          out.write(chunks.in.readUnsignedByte() & ~(EXIF_FLAG | XMP_FLAG));
          ChunkCopy.copy(chunks.in, out, chunk.padded() - 1);
        } else {
          ChunkCopy.copy(chunks.in, out, chunk.padded());
        }
      }
    }
  }

  /** One chunk's header: its type and size (without the pad byte of an odd size). */
  private record Chunk(byte[] header, String type, long size) {
    long padded() {
      return size + (size & 1);
    }

    boolean kept() {
      return SHOWN.contains(type);
    }
  }

  /**
   * One pass over the chunks of a WebP: the RIFF header is checked on opening; {@link #next} reads
   * a chunk's header and leaves its payload to the caller, who reads or skips all of it.
   */
  private static final class Chunks implements AutoCloseable {
    final DataInputStream in;
    private long left;

    Chunks(Path source) throws IOException {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(source), 64 * 1024));
      byte[] header = new byte[12];
      try {
        in.readFully(header);
      } catch (IOException e) {
        in.close();
        throw e;
      }
      if (!Arrays.equals(header, 0, 4, RIFF, 0, 4) || !Arrays.equals(header, 8, 12, WEBP, 0, 4)) {
        in.close();
        throw new IOException("Not a WebP");
      }
      left = littleEndian(header, 4) - 4;
      if (left < 0) {
        in.close();
        throw new IOException("Bad RIFF size");
      }
    }

    /** The next chunk's header; null at the container's end. */
    Chunk next() throws IOException {
      if (left == 0) {
        return null;
      }
      if (left < 8) {
        throw new IOException("WebP chunk header cut off");
      }
      byte[] header = new byte[8];
      try {
        in.readFully(header);
      } catch (EOFException e) {
        throw new EOFException("WebP ends before its RIFF size");
      }
      Chunk chunk =
          new Chunk(
              header, new String(header, 0, 4, StandardCharsets.US_ASCII), littleEndian(header, 4));
      if (8 + chunk.padded() > left) {
        throw new IOException("WebP chunk runs past the container");
      }
      left -= 8 + chunk.padded();
      return chunk;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static long littleEndian(byte[] bytes, int at) {
    return (bytes[at] & 0xFFL)
        | (bytes[at + 1] & 0xFFL) << 8
        | (bytes[at + 2] & 0xFFL) << 16
        | (bytes[at + 3] & 0xFFL) << 24;
  }

  private static void writeLittleEndian(OutputStream out, long value) throws IOException {
    for (int i = 0; i < 4; i++) {
      out.write((int) (value >>> (8 * i)) & 0xFF);
    }
  }
}

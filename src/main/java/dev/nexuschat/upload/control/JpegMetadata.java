package dev.nexuschat.upload.control;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Rewrites a JPEG without where it was taken, losslessly: the segments are copied as they are (the
 * image data untouched) except that the EXIF GPS directory is emptied and its values zeroed, and
 * the XMP and Photoshop/IPTC segments, which may repeat the location, are dropped. Answers the EXIF
 * orientation, which stays (the browser needs it to show the photo upright). An EXIF segment too
 * malformed to edit safely is dropped whole.
 */
final class JpegMetadata {
  private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] ADOBE_NS =
      "http://ns.adobe.com/".getBytes(StandardCharsets.ISO_8859_1);
  private static final int TAG_ORIENTATION = 0x0112;
  private static final int TAG_GPS_IFD = 0x8825;
  private static final int MAX_ENTRIES = 1000;

  private JpegMetadata() {}

  /** Copies {@code in} to {@code out} without location data; the EXIF orientation (1-8). */
  static int stripLocation(InputStream in, OutputStream out) throws IOException {
    if (in.read() != 0xFF || in.read() != 0xD8) {
      throw new IOException("Not a JPEG");
    }
    out.write(0xFF);
    out.write(0xD8);
    int orientation = 1;
    while (true) {
      int b = in.read();
      if (b != 0xFF) {
        throw new IOException("Bad JPEG segment");
      }
      int marker;
      do {
        marker = in.read();
      } while (marker == 0xFF); // fill bytes
      if (marker < 0) {
        throw new EOFException("JPEG ends early");
      }
      if (marker == 0xDA || marker == 0xD9) { // start of scan (or end): the rest is image data
        out.write(0xFF);
        out.write(marker);
        in.transferTo(out);
        return orientation;
      }
      if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
        out.write(0xFF);
        out.write(marker);
        continue;
      }
      int length = (read(in) << 8) | read(in);
      if (length < 2) {
        throw new IOException("Bad JPEG segment length");
      }
      byte[] payload = in.readNBytes(length - 2);
      if (payload.length != length - 2) {
        throw new EOFException("JPEG ends early");
      }
      boolean keep = true;
      if (marker == 0xE1 && startsWith(payload, EXIF)) {
        int found = scrubExif(payload, EXIF.length);
        if (found < 0) {
          keep = false;
        } else {
          orientation = found;
        }
      } else if (marker == 0xE1 && startsWith(payload, ADOBE_NS)) {
        keep = false; // XMP (and its extensions)
      } else if (marker == 0xED) {
        keep = false; // Photoshop IRB / IPTC
      }
      if (keep) {
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload);
      }
    }
  }

  private static int read(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("JPEG ends early");
    }
    return b;
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Empties the GPS directory of the TIFF structure at {@code base} in place; the orientation, or
   * -1 when the structure cannot be followed safely (the caller then drops the segment).
   */
  static int scrubExif(byte[] b, int base) {
    Tiff tiff = Tiff.at(b, base);
    if (tiff == null) {
      return -1;
    }
    int ifd0 = tiff.u32(base + 4);
    int entries = tiff.entries(ifd0);
    if (entries < 0) {
      return -1;
    }
    int orientation = 1;
    int gps = -1;
    for (int i = 0; i < entries; i++) {
      int entry = base + ifd0 + 2 + 12 * i;
      int tag = tiff.u16(entry);
      if (tag == TAG_ORIENTATION && tiff.u16(entry + 2) == 3) {
        int value = tiff.u16(entry + 8);
        orientation = value >= 1 && value <= 8 ? value : 1;
      } else if (tag == TAG_GPS_IFD) {
        gps = tiff.u32(entry + 8);
      }
    }
    if (gps >= 0 && !tiff.emptyDirectory(gps)) {
      return -1;
    }
    return orientation;
  }

  /** Reads and edits a TIFF structure held in a segment, with every offset bounds-checked. */
  private record Tiff(byte[] b, int base, boolean little) {
    static Tiff at(byte[] b, int base) {
      if (b.length < base + 8) {
        return null;
      }
      boolean little;
      if (b[base] == 'I' && b[base + 1] == 'I') {
        little = true;
      } else if (b[base] == 'M' && b[base + 1] == 'M') {
        little = false;
      } else {
        return null;
      }
      Tiff tiff = new Tiff(b, base, little);
      return tiff.u16(base + 2) == 42 ? tiff : null;
    }

    int u16(int at) {
      int x = b[at] & 0xFF;
      int y = b[at + 1] & 0xFF;
      return little ? x | (y << 8) : (x << 8) | y;
    }

    int u32(int at) {
      long x =
          little ? (u16(at) | ((long) u16(at + 2) << 16)) : (((long) u16(at) << 16) | u16(at + 2));
      return x > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) x;
    }

    /** The entry count of the directory at {@code offset}, or -1 when it does not fit. */
    int entries(int offset) {
      long at = (long) base + offset;
      if (offset < 8 || at + 2 > b.length) {
        return -1;
      }
      int n = u16((int) at);
      return n <= MAX_ENTRIES && at + 2 + 12L * n + 4 <= b.length ? n : -1;
    }

    /** Zeroes every entry of the directory and the values they point to; false when it cannot. */
    boolean emptyDirectory(int offset) {
      int n = entries(offset);
      if (n < 0) {
        return false;
      }
      int first = base + offset + 2;
      for (int i = 0; i < n; i++) {
        int entry = first + 12 * i;
        long bytes = (long) typeSize(u16(entry + 2)) * (u32(entry + 4) & 0xFFFFFFFFL);
        if (bytes > 4) {
          long at = (long) base + u32(entry + 8);
          if (at < base + 8 || at + bytes > b.length) {
            return false;
          }
          java.util.Arrays.fill(b, (int) at, (int) (at + bytes), (byte) 0);
        }
      }
      // no entries, no next directory: the values are gone and nothing points anywhere
      java.util.Arrays.fill(b, base + offset, first + 12 * n + 4, (byte) 0);
      return true;
    }

    private static int typeSize(int type) {
      return switch (type) {
        case 3, 8 -> 2;
        case 4, 9, 11 -> 4;
        case 5, 10, 12 -> 8;
        default -> 1;
      };
    }
  }
}

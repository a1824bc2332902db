package dev.nexuschat.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * WebP files for tests, built chunk by chunk around one real image: 60 x 30 pixels of one red (200,
 * 30, 30), as {@code cwebp -lossless} wrote it (no Java library here writes WebP).
 */
public final class Webp {
  public static final int WIDTH = 60;
  public static final int HEIGHT = 30;
  public static final int RED = 0xC81E1E;

  private static final byte[] SIMPLE =
      Base64.getDecoder().decode("UklGRiQAAABXRUJQVlA4TBcAAAAvO0AHAAdQjyLXo/8BICH8P69G9D91AQA=");

  /** VP8X flags: EXIF and XMP present. */
  private static final int EXIF = 0x08;

  private static final int XMP = 0x04;

  private Webp() {}

  /** The image as cwebp wrote it: RIFF, then one VP8L chunk. */
  public static byte[] simple() {
    return SIMPLE.clone();
  }

  /**
   * The image in the extended format: a VP8X header (announcing EXIF and XMP when {@code chunks}
   * hold them), the VP8L chunk, then {@code chunks} (each made by {@link #chunk}).
   */
  public static byte[] extended(byte[]... chunks) {
    int flags = 0;
    for (byte[] chunk : chunks) {
      String type = new String(chunk, 0, 4, StandardCharsets.US_ASCII);
      flags |= type.equals("EXIF") ? EXIF : type.equals("XMP ") ? XMP : 0;
    }
    ByteBuffer header = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    header.put((byte) flags).put(new byte[3]);
    header.put(threeBytes(WIDTH - 1)).put(threeBytes(HEIGHT - 1));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(chunk("VP8X", header.array()));
    body.writeBytes(Arrays.copyOfRange(SIMPLE, 12, SIMPLE.length)); // the VP8L chunk, padded
    for (byte[] chunk : chunks) {
      body.writeBytes(chunk);
    }
    return riff(body.toByteArray());
  }

  /** A RIFF chunk: type, little-endian size, data, and a pad byte after an odd size. */
  public static byte[] chunk(String type, byte[] data) {
    ByteBuffer chunk =
        ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
    chunk.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
    return chunk.array();
  }

  private static byte[] riff(byte[] body) {
    ByteBuffer file = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
    file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length);
    file.put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(body);
    return file.array();
  }

  private static byte[] threeBytes(int value) {
    return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
  }
}

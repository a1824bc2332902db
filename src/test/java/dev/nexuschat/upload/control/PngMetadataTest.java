package dev.nexuschat.upload.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;

class PngMetadataTest {
  private static final int SIGNATURE = 8;

  /** A 40 x 20 PNG, red on its left half, written by ImageIO. */
  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
    for (int x = 0; x < 20; x++) {
      for (int y = 0; y < 20; y++) {
        image.setRGB(x, y, 0xFFFF0000);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** EXIF (TIFF bytes, as PNG's eXIf holds them) with a GPS position, by Commons Imaging. */
  private static byte[] exifWithGps() throws Exception {
    TiffOutputSet exif = new TiffOutputSet(ByteOrder.BIG_ENDIAN);
    exif.setGpsInDegrees(13.4050, 52.5200);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TiffImageWriterLossy(ByteOrder.BIG_ENDIAN).write(out, exif);
    return out.toByteArray();
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(name)
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  /** {@code png} with {@code chunks} inserted after IHDR, and {@code trailer} after IEND. */
  private static byte[] with(byte[] png, byte[] trailer, byte[]... chunks) {
    int afterHeader = SIGNATURE + 12 + 13; // IHDR's data is 13 bytes
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, afterHeader);
    for (byte[] chunk : chunks) {
      out.writeBytes(chunk);
    }
    out.write(png, afterHeader, png.length - afterHeader);
    out.writeBytes(trailer);
    return out.toByteArray();
  }

  private static List<String> chunkTypes(byte[] png) {
    List<String> types = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(png, SIGNATURE, png.length - SIGNATURE);
    while (buffer.remaining() >= 12) {
      int length = buffer.getInt();
      byte[] type = new byte[4];
      buffer.get(type);
      types.add(new String(type, StandardCharsets.US_ASCII));
      buffer.position(buffer.position() + length + 4);
    }
    return types;
  }

  private static byte[] stripped(byte[] png) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PngMetadata.strip(new ByteArrayInputStream(png), out);
    return out.toByteArray();
  }

  private static Object gps(byte[] png) throws Exception {
    Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(png));
    GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
    return gps == null ? null : gps.getGeoLocation();
  }

  @Test
  void theLocationTextAndTimeGoAndThePictureStaysAsItWas() throws Exception {
    byte[] plain = png();
    byte[] tagged =
        with(
            plain,
            "hidden after the end".getBytes(StandardCharsets.US_ASCII),
            chunk("eXIf", exifWithGps()),
            chunk("tEXt", "Author\0Alice at home".getBytes(StandardCharsets.ISO_8859_1)),
            chunk("iTXt", "Comment\0\0\0\0\0Berlin".getBytes(StandardCharsets.UTF_8)),
            chunk("tIME", new byte[] {0x07, (byte) 0xEA, 12, 4, 3, 0, 0}),
            chunk("prVt", "a private ancillary chunk".getBytes(StandardCharsets.US_ASCII)),
            chunk("pHYs", new byte[] {0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1}));
    assertThat(gps(tagged)).as("the test PNG carries a location").isNotNull();

    byte[] clean = stripped(tagged);

    assertThat(gps(clean)).isNull();
    assertThat(chunkTypes(clean))
        .doesNotContain("eXIf", "tEXt", "iTXt", "tIME", "prVt")
        .contains("IHDR", "pHYs", "IDAT")
        .endsWith("IEND");
    assertThat(new String(clean, StandardCharsets.ISO_8859_1))
        .doesNotContain("Alice")
        .doesNotContain("Berlin")
        .doesNotContain("hidden after the end");
    BufferedImage before = ImageIO.read(new ByteArrayInputStream(plain));
    BufferedImage after = ImageIO.read(new ByteArrayInputStream(clean));
    assertThat(after.getWidth()).isEqualTo(40);
    assertThat(after.getHeight()).isEqualTo(20);
    for (int x = 0; x < 40; x += 7) {
      for (int y = 0; y < 20; y += 5) {
        assertThat(after.getRGB(x, y)).isEqualTo(before.getRGB(x, y));
      }
    }
  }

  @Test
  void aPngWithoutMetadataIsCopiedByteForByte() throws Exception {
    byte[] plain = png();
    assertThat(Arrays.equals(stripped(plain), plain)).isTrue();
  }

  @Test
  void aTruncatedOrForeignFileIsRefused() throws Exception {
    byte[] plain = png();
    assertThatThrownBy(() -> stripped(Arrays.copyOf(plain, plain.length - 20)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> stripped("GIF89a not a png".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IOException.class);
    byte[] hugeLength = plain.clone();
    hugeLength[SIGNATURE] = (byte) 0x80; // IHDR's length above 2^31 - 1
    assertThatThrownBy(() -> stripped(hugeLength)).hasMessageContaining("length");
  }
}

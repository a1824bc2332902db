package dev.nexuschat.upload.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import dev.nexuschat.testsupport.Webp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebpMetadataTest {
  @TempDir Path dir;

  /** EXIF (TIFF bytes, as WebP's EXIF chunk holds them) with a GPS position. */
  private static byte[] exifWithGps() throws Exception {
    TiffOutputSet exif = new TiffOutputSet(ByteOrder.LITTLE_ENDIAN);
    exif.setGpsInDegrees(13.4050, 52.5200);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TiffImageWriterLossy(ByteOrder.LITTLE_ENDIAN).write(out, exif);
    return out.toByteArray();
  }

  private byte[] stripped(byte[] webp) throws IOException {
    Path file = Files.write(dir.resolve("in.webp"), webp);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WebpMetadata.strip(file, out);
    return out.toByteArray();
  }

  private static List<String> chunkTypes(byte[] webp) {
    List<String> types = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(buffer.getInt(4)).as("RIFF size").isEqualTo(webp.length - 8);
    buffer.position(12);
    while (buffer.remaining() >= 8) {
      byte[] type = new byte[4];
      buffer.get(type);
      int size = buffer.getInt();
      types.add(new String(type, StandardCharsets.US_ASCII));
      buffer.position(buffer.position() + size + (size & 1));
    }
    return types;
  }

  private static Object gps(byte[] webp) throws Exception {
    Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(webp));
    GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
    return gps == null ? null : gps.getGeoLocation();
  }

  @Test
  void theLocationAndXmpGoAndThePictureStaysAsItWas() throws Exception {
    byte[] tagged =
        Webp.extended(
            Webp.chunk("EXIF", exifWithGps()),
            Webp.chunk(
                "XMP ", "<x:xmpmeta>Alice at home</x:xmpmeta>".getBytes(StandardCharsets.UTF_8)),
            Webp.chunk(
                "prVt", "a chunk the format does not define".getBytes(StandardCharsets.UTF_8)));
    byte[] withTrailer = Arrays.copyOf(tagged, tagged.length + 6);
    System.arraycopy(
        "hidden".getBytes(StandardCharsets.US_ASCII), 0, withTrailer, tagged.length, 6);
    assertThat(gps(tagged)).as("the test WebP carries a location").isNotNull();

    byte[] clean = stripped(withTrailer);

    assertThat(gps(clean)).isNull();
    assertThat(chunkTypes(clean)).containsExactly("VP8X", "VP8L");
    assertThat(clean[20] & 0x0C).as("VP8X announces no EXIF or XMP").isZero();
    assertThat(new String(clean, StandardCharsets.ISO_8859_1))
        .doesNotContain("Alice")
        .doesNotContain("hidden");
    BufferedImage after = ImageIO.read(new ByteArrayInputStream(clean));
    assertThat(after.getWidth()).isEqualTo(Webp.WIDTH);
    assertThat(after.getHeight()).isEqualTo(Webp.HEIGHT);
    assertThat(after.getRGB(Webp.WIDTH / 2, Webp.HEIGHT / 2) & 0xFFFFFF).isEqualTo(Webp.RED);
  }

  @Test
  void aWebpWithoutMetadataIsCopiedByteForByte() throws Exception {
    assertThat(Arrays.equals(stripped(Webp.simple()), Webp.simple())).isTrue();
    byte[] extended = Webp.extended();
    assertThat(Arrays.equals(stripped(extended), extended)).isTrue();
  }

  @Test
  void aTruncatedOrForeignFileIsRefused() {
    byte[] plain = Webp.extended();
    assertThatThrownBy(() -> stripped(Arrays.copyOf(plain, plain.length - 5)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> stripped("GIF89a not a webp".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IOException.class);
    byte[] overlong = plain.clone();
    overlong[16] = (byte) 0xFF; // VP8X's size now runs past the container
    assertThatThrownBy(() -> stripped(overlong)).hasMessageContaining("past the container");
  }
}

package dev.nexuschat.upload.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;

class JpegMetadataTest {
  private static byte[] jpeg() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "jpg", out);
    return out.toByteArray();
  }

  private static byte[] withExif(byte[] jpeg, int orientation, boolean gps) throws Exception {
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
    if (gps) {
      exif.setGpsInDegrees(-122.4194, 37.7749);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
    return out.toByteArray();
  }

  private static GpsDirectory gps(byte[] jpeg) throws Exception {
    Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
    return metadata.getFirstDirectoryOfType(GpsDirectory.class);
  }

  @Test
  void theLocationGoesAndTheOrientationStays() throws Exception {
    byte[] photo = withExif(jpeg(), 6, true);
    assertThat(gps(photo).getGeoLocation()).isNotNull();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int orientation = JpegMetadata.stripLocation(new ByteArrayInputStream(photo), out);
    assertThat(orientation).isEqualTo(6);
    byte[] stripped = out.toByteArray();
    GpsDirectory left = gps(stripped);
    assertThat(left == null || left.getGeoLocation() == null).isTrue();
    assertThat(stripped).hasSameSizeAs(photo); // zeroed in place, the picture untouched
    assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getWidth()).isEqualTo(40);
  }

  @Test
  void aPhotoWithoutExifIsCopiedAsItIs() throws Exception {
    byte[] plain = jpeg();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(JpegMetadata.stripLocation(new ByteArrayInputStream(plain), out)).isEqualTo(1);
    assertThat(out.toByteArray()).isEqualTo(plain);
  }

  @Test
  void anUnfollowableExifSegmentIsDroppedWhole() {
    byte[] segment =
        "Exif\0\0MM\0\u002A\u007F\u00FF\u00FF\u00FF"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(JpegMetadata.scrubExif(segment, 6)).isEqualTo(-1);
  }
}

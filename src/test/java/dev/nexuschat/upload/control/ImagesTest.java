package dev.nexuschat.upload.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexuschat.platform.errors.Unprocessable;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {
  @TempDir Path dir;

  private Path image(int width, int height, String format) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 4, height / 4);
    g.dispose();
    Path file = dir.resolve("image." + format);
    ImageIO.write(image, format, file.toFile());
    return file;
  }

  private static BufferedImage thumbnail(Path file, Images.Measured measured, String format)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Images.thumbnail(file, measured, format, out);
    return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void aLargeImageShrinksToFourHundredEightyOnItsLongSide() throws Exception {
    Path file = image(2000, 1000, "png");
    Images.Measured measured = Images.measure(file, 1);
    assertThat(measured.width()).isEqualTo(2000);
    assertThat(measured.height()).isEqualTo(1000);
    BufferedImage small = thumbnail(file, measured, "png");
    assertThat(small.getWidth()).isEqualTo(480);
    assertThat(small.getHeight()).isEqualTo(240);
  }

  @Test
  void aSmallImageKeepsItsSize() throws Exception {
    Path file = image(100, 50, "jpg");
    BufferedImage small = thumbnail(file, Images.measure(file, 1), "jpg");
    assertThat(small.getWidth()).isEqualTo(100);
    assertThat(small.getHeight()).isEqualTo(50);
  }

  @Test
  void orientationSixTurnsAQuarterClockwise() throws Exception {
    Path file = image(600, 300, "jpg");
    Images.Measured measured = Images.measure(file, 6);
    assertThat(measured.width()).isEqualTo(300);
    assertThat(measured.height()).isEqualTo(600);
    BufferedImage small = thumbnail(file, measured, "jpg");
    assertThat(small.getWidth()).isEqualTo(240);
    assertThat(small.getHeight()).isEqualTo(480);
    int topRight = small.getRGB(small.getWidth() - 5, 5);
    assertThat((topRight >> 16) & 0xFF).isGreaterThan(200);
  }

  @Test
  void aHeaderClaimingTooManyPixelsIsRefusedUnread() throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(20_000).putInt(20_000);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(png, "IHDR", ihdr.array());
    chunk(png, "IEND", new byte[0]);
    Path file = dir.resolve("bomb.png");
    Files.write(file, png.toByteArray());
    assertThatThrownBy(() -> Images.measure(file, 1))
        .isInstanceOf(Unprocessable.class)
        .hasMessageContaining("20000x20000");
  }

  @Test
  void bytesNoDecoderReadsAreNotAnImage() throws Exception {
    Path file = dir.resolve("x.bin");
    Files.write(file, "not an image".getBytes(StandardCharsets.US_ASCII));
    assertThat(Images.measure(file, 1)).isNull();
  }

  private static void chunk(OutputStream out, String type, byte[] data) throws Exception {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}

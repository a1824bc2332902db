package dev.nexuschat.upload.control;

import dev.nexuschat.platform.errors.Unprocessable;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.filters.ImageFilter;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Measures images and makes their thumbnails (Thumbnailator), guarded against decompression bombs:
 * the pixel size is read from the header before anything is decoded, images above {@link
 * #MAX_PIXELS} are refused, and the decoder subsamples on the way in, so a thumbnail never needs
 * the full image in memory.
 */
public final class Images {
  public static final int THUMBNAIL_SIZE = 480;
  public static final long MAX_PIXELS = 50_000_000L;

  private Images() {}

  /** An image's size as shown (after its EXIF orientation) and its decoder's format. */
  public record Measured(int width, int height, int orientation) {
    /** Orientations 5-8 turn the picture by a quarter: width and height swap. */
    static Measured of(int storedWidth, int storedHeight, int orientation) {
      boolean turned = orientation >= 5 && orientation <= 8;
      return new Measured(
          turned ? storedHeight : storedWidth, turned ? storedWidth : storedHeight, orientation);
    }
  }

  /**
   * The image in {@code file}: its size from the header only; 422 above {@link #MAX_PIXELS} or when
   * no decoder reads it. Null when this JVM has no decoder for the format (shown without size or
   * thumbnail).
   */
  static Measured measure(Path file, int orientation) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = readerFor(in);
      if (reader == null) {
        return null;
      }
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw new Unprocessable("IMAGE_UNREADABLE", "The image has no size");
        }
        if ((long) width * height > MAX_PIXELS) {
          throw new Unprocessable(
              "IMAGE_TOO_LARGE",
              "The image is "
                  + width
                  + "x"
                  + height
                  + " pixels; at most "
                  + MAX_PIXELS / 1_000_000
                  + " megapixels are accepted");
        }
        return Measured.of(width, height, orientation);
      } catch (IOException | RuntimeException e) {
        if (e instanceof Unprocessable refused) {
          throw refused;
        }
        throw new Unprocessable("IMAGE_UNREADABLE", "The image cannot be read");
      } finally {
        reader.dispose();
      }
    }
  }

  /**
   * Writes a thumbnail of {@code file} (at most {@link #THUMBNAIL_SIZE} px on the long side, turned
   * upright) to {@code out} as {@code format} ("jpg" or "png"). Call after {@link #measure}.
   */
  static void thumbnail(Path file, Measured measured, String format, OutputStream out)
      throws IOException {
    BufferedImage decoded;
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = readerFor(in);
      if (reader == null) {
        throw new Unprocessable("IMAGE_UNREADABLE", "The image cannot be read");
      }
      try {
        reader.setInput(in, true, true);
        int longSide = Math.max(reader.getWidth(0), reader.getHeight(0));
        ImageReadParam param = reader.getDefaultReadParam();
        // decode at about twice the thumbnail's size at most; the resize does the rest well
        int step = Math.max(1, longSide / (2 * THUMBNAIL_SIZE));
        param.setSourceSubsampling(step, step, 0, 0);
        decoded = reader.read(0, param);
      } catch (IOException | RuntimeException e) {
        throw new Unprocessable("IMAGE_UNREADABLE", "The image cannot be decoded");
      } finally {
        reader.dispose();
      }
    }
    Thumbnails.Builder<BufferedImage> thumbnail = Thumbnails.of(decoded);
    if (Math.max(decoded.getWidth(), decoded.getHeight()) > THUMBNAIL_SIZE) {
      thumbnail.size(THUMBNAIL_SIZE, THUMBNAIL_SIZE);
    } else {
      thumbnail.scale(1.0);
    }
    Orientation orientation = Orientation.typeOf(measured.orientation());
    if (orientation != null && orientation != Orientation.TOP_LEFT) {
      ImageFilter upright = ExifFilterUtils.getFilterForOrientation(orientation);
      thumbnail.addFilter(upright);
    }
    if ("jpg".equals(format) && decoded.getColorModel().hasAlpha()) {
      thumbnail.imageType(BufferedImage.TYPE_INT_RGB);
    }
    thumbnail.outputFormat(format);
    if ("jpg".equals(format)) {
      thumbnail.outputQuality(0.85f);
    }
    thumbnail.toOutputStream(out);
  }

  private static ImageReader readerFor(ImageInputStream in) {
    if (in == null) {
      return null;
    }
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    return readers.hasNext() ? readers.next() : null;
  }
}

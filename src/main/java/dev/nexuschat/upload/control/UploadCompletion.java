package dev.nexuschat.upload.control;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import dev.nexuschat.platform.errors.Unprocessable;
import dev.nexuschat.upload.entity.Upload;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Completes an upload whose bytes are all there: the type from the content (a name or declared type
 * that disagrees is 415), and for raster images their size as shown, a thumbnail made once, and a
 * JPEG's, PNG's or WebP's metadata (location above all) stripped from the stored original. The
 * image work runs on a temporary copy, outside any transaction; the row is updated at the end,
 * once.
 */
@ApplicationScoped
class UploadCompletion {
  /** Formats whose metadata (location above all) is taken out of the stored original. */
  private static final Set<String> METADATA_STRIPPED =
      Set.of("image/jpeg", "image/png", "image/webp");

  @Inject Storage storage;
  @Inject StorageChoice choice;
  @Inject UploadRows rows;

  private Path work;
  private ImageReaderSpi webp;

  @PostConstruct
  void prepare() {
    // Registered by hand, not by scanning: ImageIO's registry is the JVM's, so only this reader
    // goes in, and it comes out again when the application stops.
    webp = new WebPImageReaderSpi();
    IIORegistry.getDefaultInstance().registerServiceProvider(webp, ImageReaderSpi.class);
    work = choice.workDirectory();
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + work, e);
    }
  }

  @PreDestroy
  void release() {
    IIORegistry.getDefaultInstance().deregisterServiceProvider(webp, ImageReaderSpi.class);
  }

  UploadViews.Attachment complete(Upload upload) {
    UUID id = upload.id();
    String key = StoredBytes.key(id);
    String detected;
    try (InputStream head = storage.open(key, UploadService.DETECTION_BYTES)) {
      detected = ContentTypes.detect(head);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String type = ContentTypes.effective(detected, upload.filename(), upload.declaredType());
    Result result =
        ContentTypes.isInline(type)
            ? image(key, id, type)
            : new Result(upload.declaredSize(), null, null, null);
    return rows.completed(
        id, result.size(), type, result.width(), result.height(), result.thumbnailType());
  }

  private record Result(long size, Integer width, Integer height, String thumbnailType) {}

  private Result image(String key, UUID id, String type) {
    Path original = null;
    Path scrubbed = null;
    Path thumbnail = null;
    try {
      original = Files.createTempFile(work, id.toString(), ".original");
      try (InputStream in = storage.open(key, 0)) {
        Files.copy(in, original, StandardCopyOption.REPLACE_EXISTING);
      }
      int orientation = 1;
      Path image = original;
      if (METADATA_STRIPPED.contains(type)) {
        scrubbed = Files.createTempFile(work, id.toString(), ".scrubbed");
        orientation = withoutMetadata(type, original, scrubbed);
        image = scrubbed;
      }
      Images.Measured measured = Images.measure(image, orientation);
      if (measured == null) {
        return new Result(Files.size(image), null, null, null);
      }
      String format = type.equals("image/jpeg") ? "jpg" : "png";
      thumbnail = Files.createTempFile(work, id.toString(), ".thumb");
      try (OutputStream out = Files.newOutputStream(thumbnail)) {
        Images.thumbnail(image, measured, format, out);
      }
      String thumbnailType = format.equals("jpg") ? "image/jpeg" : "image/png";
      storage.store(StoredBytes.thumbnailKey(id), thumbnail, thumbnailType);
      if (scrubbed != null) {
        storage.store(key, scrubbed, type);
      }
      return new Result(Files.size(image), measured.width(), measured.height(), thumbnailType);
    } catch (IOException e) {
      throw new UncheckedIOException("Image " + id + " not processed", e);
    } finally {
      deleteQuietly(original);
      deleteQuietly(scrubbed);
      deleteQuietly(thumbnail);
    }
  }

  /**
   * Copies the image {@code original} to {@code scrubbed} without its metadata; answers the EXIF
   * orientation to show it in (JPEG keeps it; the others' pixels are stored upright).
   */
  private static int withoutMetadata(String type, Path original, Path scrubbed) {
    try (OutputStream out = Files.newOutputStream(scrubbed)) {
      switch (type) {
        case "image/jpeg" -> {
          try (InputStream in = Files.newInputStream(original)) {
            return JpegMetadata.stripLocation(in, out);
          }
        }
        case "image/png" -> {
          try (InputStream in = Files.newInputStream(original)) {
            PngMetadata.strip(in, out);
          }
        }
        default -> WebpMetadata.strip(original, out);
      }
      return 1;
    } catch (IOException e) {
      String format = type.substring("image/".length()).toUpperCase(Locale.ROOT);
      throw new Unprocessable("IMAGE_UNREADABLE", "The " + format + " image is malformed");
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file; the work directory is not backed up
      }
    }
  }
}

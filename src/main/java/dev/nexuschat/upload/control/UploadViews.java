package dev.nexuschat.upload.control;

import dev.nexuschat.upload.entity.Upload;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API shapes of uploads. */
public final class UploadViews {
  public static final String BASE = "/api/v1/uploads/";

  private UploadViews() {}

  /** The answer of {@code POST /rooms/{id}/uploads}: where to send the bytes, and the limits. */
  @Schema(name = "UploadSlot")
  public record Slot(
      UUID id,
      @Schema(description = "How to send the bytes") Instruction upload,
      @Schema(description = "The largest file accepted, in bytes") long maxBytes,
      @Schema(description = "Complete the upload before this; later it is cleaned up")
          Instant expiresAt) {}

  /**
   * Local storage: {@code PUT /api/v1/uploads/{id}} with the Bearer token. S3 storage: an absolute
   * presigned URL, sent without the Bearer token and with exactly these headers.
   */
  @Schema(name = "UploadInstruction")
  public record Instruction(
      @Schema(enumeration = {"PUT"}) String method, String url, Map<String, String> headers) {}

  /** A file as messages show it; width, height and thumbnail_url are null for non-images. */
  @Schema(name = "Attachment")
  public record Attachment(
      UUID id,
      String filename,
      @Schema(description = "In bytes") long size,
      @Schema(description = "Detected from the content") String contentType,
      @Schema(nullable = true, description = "In pixels, as shown (EXIF orientation applied)")
          Integer width,
      @Schema(nullable = true) Integer height,
      @Schema(description = "GET with the Bearer token") String url,
      @Schema(nullable = true, description = "At most 480 px on the long side")
          String thumbnailUrl) {
    public static Attachment of(Upload upload) {
      String url = BASE + upload.id();
      return new Attachment(
          upload.id(),
          upload.filename(),
          upload.size(),
          upload.contentType(),
          upload.width(),
          upload.height(),
          url,
          upload.hasThumbnail() ? url + "/thumbnail" : null);
    }
  }
}

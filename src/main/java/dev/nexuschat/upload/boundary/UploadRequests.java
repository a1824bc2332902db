package dev.nexuschat.upload.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the upload endpoints. The rules are checked by the service. */
public final class UploadRequests {
  private UploadRequests() {}

  @Schema(name = "NewUpload")
  public record Create(
      @Schema(
              required = true,
              maxLength = 255,
              description = "The file's name: no path separators or control characters")
          String filename,
      @Schema(required = true, minimum = "1", description = "In bytes; at most max_bytes")
          Long size,
      @Schema(
              nullable = true,
              maxLength = 255,
              description = "Only a hint: the type is detected from the content")
          String contentType) {}
}

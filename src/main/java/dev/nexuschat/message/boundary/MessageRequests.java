package dev.nexuschat.message.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the message endpoints. Content rules are checked by the service. */
public final class MessageRequests {
  private MessageRequests() {}

  @Schema(name = "NewMessage")
  public record Send(
      @Schema(
              maxLength = 5000,
              description =
                  "Trimmed; 1-5000 characters. With attachments it may be empty or absent.")
          String content,
      @Schema(nullable = true, description = "A message of the same room this one replies to")
          String parentId,
      @Schema(
              nullable = true,
              maxLength = 64,
              description = "Makes the send idempotent for this sender and room")
          String clientId,
      @Schema(
              nullable = true,
              maxItems = 10,
              description =
                  "Upload ids (completed, yours, of this room, not attached yet) to attach")
          List<String> attachments) {}

  @Schema(name = "MessageEdit")
  public record Edit(@Schema(required = true, minLength = 1, maxLength = 5000) String content) {}

  @Schema(name = "ReadMark")
  public record Read(
      @Schema(nullable = true, description = "Read up to this message; absent: up to the newest")
          String messageId) {}
}

package dev.nexuschat.thread.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the thread endpoints. */
public final class ThreadRequests {
  private ThreadRequests() {}

  @Schema(name = "ThreadReadMark")
  public record Read(
      @Schema(
              nullable = true,
              description =
                  "Read up to this message of the thread (a reply, or the root); absent: up to"
                      + " its newest reply")
          String messageId) {}
}

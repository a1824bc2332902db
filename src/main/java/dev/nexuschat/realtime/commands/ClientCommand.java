package dev.nexuschat.realtime.commands;

import java.util.List;
import java.util.UUID;

/** What a client can ask over the socket, already decoded and shape-checked by the frame codec. */
public sealed interface ClientCommand {
  /** {@code content} may be null when {@code attachments} (upload ids) are given. */
  record SendMessage(
      UUID roomId, String content, UUID parentId, String clientId, List<UUID> attachments)
      implements ClientCommand {
    public SendMessage(UUID roomId, String content, UUID parentId, String clientId) {
      this(roomId, content, parentId, clientId, List.of());
    }

    public SendMessage {
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
  }

  record TypingStart(UUID roomId) implements ClientCommand {}

  record TypingStop(UUID roomId) implements ClientCommand {}

  record MarkRead(UUID roomId, UUID messageId) implements ClientCommand {}

  record Ping() implements ClientCommand {}
}

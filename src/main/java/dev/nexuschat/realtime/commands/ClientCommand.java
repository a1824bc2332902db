package dev.nexuschat.realtime.commands;

import java.util.UUID;

/** What a client can ask over the socket, already decoded and shape-checked by the frame codec. */
public sealed interface ClientCommand {
  record SendMessage(UUID roomId, String content, UUID parentId, String clientId)
      implements ClientCommand {}

  record TypingStart(UUID roomId) implements ClientCommand {}

  record TypingStop(UUID roomId) implements ClientCommand {}

  record MarkRead(UUID roomId, UUID messageId) implements ClientCommand {}

  record Ping() implements ClientCommand {}
}

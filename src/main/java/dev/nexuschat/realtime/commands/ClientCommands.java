package dev.nexuschat.realtime.commands;

import dev.nexuschat.message.control.MessageService;
import dev.nexuschat.message.control.ReadMarks;
import dev.nexuschat.platform.errors.Forbidden;
import dev.nexuschat.platform.json.JsonFormat;
import dev.nexuschat.platform.ratelimit.UserLimit;
import dev.nexuschat.platform.ratelimit.UserLimits;
import dev.nexuschat.realtime.connection.Connection;
import dev.nexuschat.realtime.events.TypingIndicators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Carries out a client's command for its connection and returns the ack payload as JSON. Sending
 * and read marks go through the same services as REST, so their rules (membership, content,
 * client_id idempotency) are identical; failures are the same {@code ApiException}s. Sends count
 * against the same per-user limit as REST's, typing_start against a typing limit of its own.
 */
@ApplicationScoped
public class ClientCommands {
  @Inject MessageService messages;
  @Inject ReadMarks readMarks;
  @Inject TypingIndicators typing;
  @Inject UserLimits limits;

  public String handle(Connection connection, ClientCommand command) {
    if (command instanceof ClientCommand.SendMessage send) {
      MessageService.Draft draft =
          new MessageService.Draft(
              send.content(), send.parentId(), send.clientId(), send.attachments());
      return JsonFormat.JSONB.toJson(
          messages.post(connection.userId(), send.roomId(), draft).message());
    }
    if (command instanceof ClientCommand.MarkRead read) {
      return JsonFormat.JSONB.toJson(
          readMarks.markRead(connection.userId(), read.roomId(), read.messageId()));
    }
    if (command instanceof ClientCommand.TypingStart start) {
      limits.take(UserLimit.TYPING, connection.userId());
      requireFollowing(connection, start.roomId());
      typing.started(start.roomId(), connection.userId(), connection.username());
      return "{}";
    }
    if (command instanceof ClientCommand.TypingStop stop) {
      requireFollowing(connection, stop.roomId());
      typing.stopped(stop.roomId(), connection.userId());
      return "{}";
    }
    return JsonFormat.JSONB.toJson(Map.of("pong", true));
  }

  /**
   * Typing is too chatty for a database check: the connection's room index is kept exact by events.
   */
  private static void requireFollowing(Connection connection, java.util.UUID roomId) {
    if (!connection.isIn(roomId)) {
      throw new Forbidden("You are not a member of this room");
    }
  }
}

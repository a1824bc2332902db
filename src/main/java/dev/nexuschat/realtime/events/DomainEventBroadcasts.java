package dev.nexuschat.realtime.events;

import static dev.nexuschat.realtime.routing.ServerEvents.json;

import dev.nexuschat.message.control.MessageDeleted;
import dev.nexuschat.message.control.MessageEdited;
import dev.nexuschat.message.control.MessagePosted;
import dev.nexuschat.message.control.ReactionAdded;
import dev.nexuschat.message.control.ReactionRemoved;
import dev.nexuschat.message.control.ReadMarkMoved;
import dev.nexuschat.message.control.ThreadUpdated;
import dev.nexuschat.realtime.routing.Audience;
import dev.nexuschat.realtime.routing.Broadcast;
import dev.nexuschat.realtime.routing.Broadcasts;
import dev.nexuschat.realtime.routing.ServerEvents;
import dev.nexuschat.room.control.MemberJoined;
import dev.nexuschat.room.control.MemberLeft;
import dev.nexuschat.room.control.MemberUpdated;
import dev.nexuschat.room.control.RoomCreated;
import dev.nexuschat.room.control.RoomSettingsChanged;
import dev.nexuschat.room.control.RoomUpdated;
import dev.nexuschat.thread.control.ThreadReadMoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Turns committed domain events into server events. Observed AFTER_SUCCESS, so a rolled-back change
 * is never broadcast; {@link Broadcasts} takes it to every node's connections.
 */
@ApplicationScoped
public class DomainEventBroadcasts {
  @Inject Broadcasts broadcasts;

  void messagePosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
    broadcasts.publish(
        Broadcast.to(
                Audience.room(event.message().roomId()),
                ServerEvents.NEW_MESSAGE,
                json(event.message()))
            .numbered(event.seq()));
  }

  void messageEdited(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageEdited event) {
    broadcasts.publish(
        Broadcast.to(
            Audience.room(event.message().roomId()),
            ServerEvents.MESSAGE_EDITED,
            json(event.message())));
  }

  void messageDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageDeleted event) {
    broadcasts.publish(
        Broadcast.to(
            Audience.room(event.roomId()),
            ServerEvents.MESSAGE_DELETED,
            json(new ServerEvents.MessageRemoved(event.messageId(), event.roomId()))));
  }

  void threadUpdated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ThreadUpdated event) {
    broadcasts.publish(
        Broadcast.to(Audience.room(event.roomId()), ServerEvents.THREAD_UPDATED, json(event)));
  }

  void threadReadMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) ThreadReadMoved event) {
    broadcasts.publish(
        Broadcast.to(Audience.user(event.userId()), ServerEvents.THREAD_READ, json(event.state())));
  }

  void readMarkMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadMarkMoved event) {
    broadcasts.publish(
        Broadcast.to(
            Audience.user(event.userId()),
            ServerEvents.READ_UPDATED,
            json(
                new ServerEvents.ReadPosition(
                    event.roomId(),
                    event.lastReadAt(),
                    event.unreadCount(),
                    event.mentionCount()))));
  }

  void roomCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomCreated event) {
    broadcasts.publish(
        Broadcast.to(
            Audience.room(event.roomId()).joining(event.memberIds()),
            ServerEvents.ROOM_CREATED,
            json(new ServerEvents.RoomRef(event.roomId()))));
  }

  void roomUpdated(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomUpdated event) {
    broadcasts.publish(
        Broadcast.to(
            Audience.room(event.roomId()),
            ServerEvents.ROOM_UPDATED,
            json(new ServerEvents.RoomChanged(event.roomId(), event.name(), event.description()))));
  }

  void memberJoined(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberJoined event) {
    // The newcomer's sockets join the room first, so they get member_joined like everyone else.
    broadcasts.publish(
        Broadcast.to(
            Audience.room(event.roomId()).joining(List.of(event.member().id())),
            ServerEvents.MEMBER_JOINED,
            json(new ServerEvents.MemberChanged(event.roomId(), event.member()))));
    broadcasts.publish(
        Broadcast.to(
            Audience.user(event.member().id()),
            ServerEvents.ROOM_CREATED,
            json(new ServerEvents.RoomRef(event.roomId()))));
  }

  void memberLeft(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberLeft event) {
    // Delivered to the leaver too (their client drops the room), then their sockets leave it.
    broadcasts.publish(
        Broadcast.to(
            Audience.room(event.roomId()).leaving(event.userId()),
            ServerEvents.MEMBER_LEFT,
            json(new ServerEvents.MemberGone(event.roomId(), event.userId()))));
  }

  void memberUpdated(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberUpdated event) {
    broadcasts.publish(
        Broadcast.to(
            Audience.room(event.roomId()),
            ServerEvents.MEMBER_UPDATED,
            json(new ServerEvents.MemberChanged(event.roomId(), event.member()))));
  }

  void roomSettingsChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) RoomSettingsChanged event) {
    broadcasts.publish(
        Broadcast.to(
            Audience.user(event.userId()),
            ServerEvents.ROOM_SETTINGS_UPDATED,
            json(event.settings())));
  }

  void reactionAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReactionAdded event) {
    publishReaction(
        ServerEvents.REACTION_ADDED,
        new ServerEvents.ReactionChanged(
            event.roomId(), event.messageId(), event.emoji(), event.userId(), event.count()));
  }

  void reactionRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReactionRemoved event) {
    publishReaction(
        ServerEvents.REACTION_REMOVED,
        new ServerEvents.ReactionChanged(
            event.roomId(), event.messageId(), event.emoji(), event.userId(), event.count()));
  }

  private void publishReaction(String name, ServerEvents.ReactionChanged change) {
    broadcasts.publish(Broadcast.to(Audience.room(change.roomId()), name, json(change)));
  }
}

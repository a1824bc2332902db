package dev.nexuschat.realtime.events;

import static dev.nexuschat.realtime.routing.ServerEvents.json;

import dev.nexuschat.presence.control.UserCameOnline;
import dev.nexuschat.presence.control.UserWentOffline;
import dev.nexuschat.realtime.routing.Audience;
import dev.nexuschat.realtime.routing.Broadcast;
import dev.nexuschat.realtime.routing.Broadcasts;
import dev.nexuschat.realtime.routing.ServerEvents;
import dev.nexuschat.room.control.MemberRooms;
import dev.nexuschat.user.control.ProfileUpdated;
import dev.nexuschat.user.control.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * News about one user for everyone who shares a room with them (the user's own sockets included):
 * came online, went offline, changed their display name or avatar. Each recipient gets it once,
 * however many rooms they share.
 */
@ApplicationScoped
public class PeerBroadcasts {
  @Inject MemberRooms memberships;
  @Inject Broadcasts broadcasts;
  @Inject UserService users;

  void cameOnline(@Observes UserCameOnline event) {
    publishToRoomsOf(
        event.userId(),
        ServerEvents.USER_ONLINE,
        json(new ServerEvents.Online(event.userId(), event.username())));
  }

  /** After the user feature stored {@code last_seen_at}: a profile read on this news shows it. */
  void wentOffline(@Observes UserWentOffline event) {
    users
        .usernameOf(event.userId())
        .ifPresent(
            username ->
                publishToRoomsOf(
                    event.userId(),
                    ServerEvents.USER_OFFLINE,
                    json(new ServerEvents.Offline(event.userId(), username, event.lastSeenAt()))));
  }

  void profileUpdated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProfileUpdated event) {
    publishToRoomsOf(
        event.user().id(),
        ServerEvents.USER_UPDATED,
        json(new ServerEvents.UserChanged(event.user())));
  }

  private void publishToRoomsOf(UUID userId, String event, String data) {
    List<UUID> rooms = memberships.roomIdsOf(userId);
    if (!rooms.isEmpty()) {
      broadcasts.publish(Broadcast.to(Audience.rooms(rooms), event, data).about(userId));
    }
  }
}

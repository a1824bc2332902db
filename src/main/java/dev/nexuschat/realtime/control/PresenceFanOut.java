package dev.nexuschat.realtime.control;

import static dev.nexuschat.realtime.control.ServerEvents.json;

import dev.nexuschat.presence.control.UserCameOnline;
import dev.nexuschat.presence.control.UserWentOffline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Tells everyone who shares a room with a user that the user came online or went offline. */
@ApplicationScoped
public class PresenceFanOut {
  @Inject RoomMemberships memberships;
  @Inject EventBus bus;

  void cameOnline(@Observes UserCameOnline event) {
    publishToRoomsOf(event.userId(), ServerEvents.USER_ONLINE,
        json(new ServerEvents.Online(event.userId(), event.username())));
  }

  void wentOffline(@Observes UserWentOffline event) {
    publishToRoomsOf(event.userId(), ServerEvents.USER_OFFLINE,
        json(new ServerEvents.Offline(event.userId(), event.username(), event.lastSeenAt())));
  }

  private void publishToRoomsOf(UUID userId, String event, String data) {
    List<UUID> rooms = memberships.roomIdsOf(userId);
    if (!rooms.isEmpty()) {
      bus.publish(Broadcast.toRooms(rooms, event, data));
    }
  }
}

package dev.nexuschat.realtime.routing;

import dev.nexuschat.platform.metrics.NexusMetrics;
import dev.nexuschat.realtime.connection.Connection;
import dev.nexuschat.realtime.connection.StateKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The last step of every broadcast: handing its frame to exactly the local connections its {@link
 * Audience} names, in its room's order ({@link RoomOrders}), with the audience's joiners entering
 * before it and its leaver leaving after it.
 */
@ApplicationScoped
public class LocalDelivery {
  @Inject LocalConnections local;
  @Inject RoomOrders orders;
  @Inject NexusMetrics metrics;

  /**
   * Delivers a whole broadcast to this node's connections: in process (Redis's stand-in), and the
   * one copy of a several-rooms broadcast every node hears (see {@link Broadcasts}).
   */
  public void deliver(Broadcast broadcast) {
    for (UUID user : broadcast.audience().joiningUserIds()) {
      enterAll(broadcast, user);
    }
    orders.inOrder(broadcast, () -> recordFanOut(broadcast, queueFrames(broadcast)));
    leaveAfter(broadcast, broadcast.audience().roomIds());
  }

  /**
   * Delivers the copy of a one-room {@code broadcast} that came on {@code room}'s channel: to the
   * room's connections, less the joiners (they hear it on their own channel).
   */
  void deliverFromRoomChannel(UUID room, Broadcast broadcast) {
    Audience audience = broadcast.audience();
    orders.inOrder(
        broadcast,
        () -> {
          Outgoing frame = new Outgoing(broadcast);
          int frames = 0;
          for (Connection connection : local.ofRoom(room)) {
            if (!connection.userId().equals(audience.exceptUserId())
                && !audience.joiningUserIds().contains(connection.userId())) {
              frame.sendTo(connection);
              frames++;
            }
          }
          recordFanOut(broadcast, frames);
        });
    leaveAfter(broadcast, List.of(room));
  }

  /**
   * Delivers the copy that came on {@code user}'s channel: an event for them, or their joining a
   * room.
   */
  void deliverFromUserChannel(UUID user, Broadcast broadcast) {
    if (broadcast.audience().userId() == null) {
      enterAll(broadcast, user);
    }
    if (user.equals(broadcast.audience().exceptUserId())) {
      return;
    }
    Outgoing frame = new Outgoing(broadcast);
    int frames = 0;
    for (Connection connection : local.ofUser(user)) {
      frame.sendTo(connection);
      frames++;
    }
    recordFanOut(broadcast, frames);
  }

  private void enterAll(Broadcast broadcast, UUID user) {
    for (Connection connection : local.ofUser(user)) {
      for (UUID room : broadcast.audience().roomIds()) {
        // A room created just now has no messages yet; a joined one may have any number.
        long newestSeq =
            ServerEvents.ROOM_CREATED.equals(broadcast.event()) ? 0 : RoomOrder.UNKNOWN;
        local.joined(connection, room, newestSeq);
      }
    }
  }

  private void leaveAfter(Broadcast broadcast, List<UUID> rooms) {
    UUID leaving = broadcast.audience().leavingUserId();
    if (leaving != null) {
      for (Connection connection : local.ofUser(leaving)) {
        rooms.forEach(room -> local.left(connection, room));
      }
    }
  }

  private void recordFanOut(Broadcast broadcast, int frames) {
    if (frames > 0 && broadcast.createdAtMillis() > 0) {
      metrics.fannedOut(
          frames, Duration.ofMillis(System.currentTimeMillis() - broadcast.createdAtMillis()));
    }
  }

  /**
   * Queues the broadcast's frame on each local recipient once, however many of its rooms they share
   * (one pass over those rooms' connections); returns how many.
   */
  private int queueFrames(Broadcast broadcast) {
    Outgoing frame = new Outgoing(broadcast);
    Audience audience = broadcast.audience();
    UUID except = audience.exceptUserId();
    int frames = 0;
    if (audience.userId() != null) {
      for (Connection connection : local.ofUser(audience.userId())) {
        frame.sendTo(connection);
        frames++;
      }
      return frames;
    }
    boolean severalRooms = audience.roomIds().size() > 1;
    Set<Connection> reached = severalRooms ? new HashSet<>() : Set.of();
    for (UUID room : audience.roomIds()) {
      for (Connection connection : local.ofRoom(room)) {
        if (!connection.userId().equals(except) && (!severalRooms || reached.add(connection))) {
          frame.sendTo(connection);
          frames++;
        }
      }
    }
    return frames;
  }

  /** A broadcast's frame, built once per node, and whether it is history or state. */
  private record Outgoing(String text, StateKey stateKey) {
    Outgoing(Broadcast broadcast) {
      this(broadcast.frame(), broadcast.stateKey());
    }

    void sendTo(Connection connection) {
      if (stateKey == null) {
        connection.send(text);
      } else {
        connection.sendState(stateKey, text);
      }
    }
  }
}

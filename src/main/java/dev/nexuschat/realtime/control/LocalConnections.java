package dev.nexuschat.realtime.control;

import dev.nexuschat.platform.metrics.NexusMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's open connections, indexed by user and by room, and the last step of every
 * broadcast: handing its frame to exactly the local connections it is for. The room index is what
 * keeps fan-out cost proportional to a room's connections, not to the rooms on the server.
 */
@ApplicationScoped
public class LocalConnections {
  private static final String ROOM_CREATED = "room_created";

  @Inject RoomMemberships memberships;
  @Inject NexusMetrics metrics;

  private final ConcurrentHashMap<UUID, Set<Connection>> byUser = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<UUID, Set<Connection>> byRoom = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<UUID, RoomOrder> orders = new ConcurrentHashMap<>();
  private final Set<UUID> roomsWithGaps = ConcurrentHashMap.newKeySet();

  // At start-up, so the gauge is on /metrics before the first socket opens.
  void exposeCount(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    metrics.connectedSockets(this::count);
  }

  /** Starts delivering to {@code connection}: first by user, then the rooms the database says it is in. */
  public void register(Connection connection) {
    byUser.computeIfAbsent(connection.userId(), id -> ConcurrentHashMap.newKeySet()).add(connection);
    for (Object[] row : memberships.roomsWithNewestSeq(connection.userId())) {
      enter(connection, (UUID) row[0], ((Number) row[1]).longValue());
    }
  }

  /** Stops delivering to {@code connection}; true when it was the user's last one on this node. */
  public boolean unregister(Connection connection) {
    for (UUID room : List.copyOf(connection.rooms())) {
      leave(connection, room);
    }
    boolean[] last = {false};
    byUser.computeIfPresent(connection.userId(), (id, set) -> {
      set.remove(connection);
      last[0] = set.isEmpty();
      return set.isEmpty() ? null : set;
    });
    connection.forgetTimers();
    return last[0];
  }

  public List<UUID> roomsOf(Connection connection) {
    return List.copyOf(connection.rooms());
  }

  public List<Connection> all() {
    List<Connection> all = new ArrayList<>();
    byUser.values().forEach(all::addAll);
    return all;
  }

  public int count() {
    return byUser.values().stream().mapToInt(Set::size).sum();
  }

  /** Delivers a broadcast that reached this node (from the in-process bus or from Redis). */
  public void deliver(Broadcast broadcast) {
    for (UUID user : broadcast.joiningUserIds()) {
      for (Connection connection : byUser.getOrDefault(user, Set.of())) {
        for (UUID room : broadcast.roomIds()) {
          // A room created just now has no messages yet; a joined one may have any number.
          enter(connection, room, ROOM_CREATED.equals(broadcast.event()) ? 0 : RoomOrder.UNKNOWN);
        }
      }
    }
    RoomOrder order = broadcast.seq() > 0 && broadcast.roomIds().size() == 1
        ? orders.get(broadcast.roomIds().get(0)) : null;
    if (order == null) {
      deliverNow(broadcast);
    } else {
      synchronized (order) {
        order.submit(broadcast.seq(), () -> deliverNow(broadcast));
        if (order.hasWaiting()) {
          roomsWithGaps.add(broadcast.roomIds().get(0));
        }
      }
    }
    if (broadcast.leavingUserId() != null) {
      for (Connection connection : byUser.getOrDefault(broadcast.leavingUserId(), Set.of())) {
        broadcast.roomIds().forEach(room -> leave(connection, room));
      }
    }
  }

  /** Releases messages held for a gap that did not fill within {@code holdNanos}. */
  void expireGaps(long holdNanos) {
    for (UUID room : List.copyOf(roomsWithGaps)) {
      RoomOrder order = orders.get(room);
      if (order == null) {
        roomsWithGaps.remove(room);
        continue;
      }
      synchronized (order) {
        order.expire(holdNanos);
        if (!order.hasWaiting()) {
          roomsWithGaps.remove(room);
        }
      }
    }
  }

  private void deliverNow(Broadcast broadcast) {
    int frames = queueFrames(broadcast);
    if (frames > 0 && broadcast.createdAtMillis() > 0) {
      metrics.fannedOut(frames, Duration.ofMillis(System.currentTimeMillis() - broadcast.createdAtMillis()));
    }
  }

  /** Queues the broadcast's frame on each local recipient; returns how many. */
  private int queueFrames(Broadcast broadcast) {
    String frame = broadcast.frame();
    UUID except = broadcast.exceptUserId();
    int frames = 0;
    if (broadcast.userId() != null) {
      for (Connection connection : byUser.getOrDefault(broadcast.userId(), Set.of())) {
        connection.send(frame);
        frames++;
      }
      return frames;
    }
    if (broadcast.roomIds().size() == 1) {
      for (Connection connection : byRoom.getOrDefault(broadcast.roomIds().get(0), Set.of())) {
        if (!connection.userId().equals(except)) {
          connection.send(frame);
          frames++;
        }
      }
      return frames;
    }
    Set<Connection> reached = new HashSet<>();
    for (UUID room : broadcast.roomIds()) {
      for (Connection connection : byRoom.getOrDefault(room, Set.of())) {
        if (!connection.userId().equals(except) && reached.add(connection)) {
          connection.send(frame);
          frames++;
        }
      }
    }
    return frames;
  }

  private void enter(Connection connection, UUID room, long newestSeq) {
    orders.computeIfAbsent(room, id -> new RoomOrder(newestSeq));
    byRoom.computeIfAbsent(room, id -> ConcurrentHashMap.newKeySet()).add(connection);
    connection.rooms().add(room);
  }

  private void leave(Connection connection, UUID room) {
    connection.rooms().remove(room);
    byRoom.computeIfPresent(room, (id, set) -> {
      set.remove(connection);
      if (set.isEmpty()) {
        orders.remove(room);
        return null;
      }
      return set;
    });
  }
}

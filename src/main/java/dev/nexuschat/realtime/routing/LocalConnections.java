package dev.nexuschat.realtime.routing;

import dev.nexuschat.platform.metrics.NexusMetrics;
import dev.nexuschat.realtime.cluster.ChannelSubscriptions;
import dev.nexuschat.realtime.cluster.Channels;
import dev.nexuschat.realtime.connection.Connection;
import dev.nexuschat.room.control.MemberRooms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's open connections, indexed by user and by room, and the Redis channels those need. The
 * room index is what keeps fan-out cost proportional to a room's connections, not to the rooms on
 * the server ({@link LocalDelivery} uses it); the order of numbered messages is {@link
 * RoomOrders}'.
 */
@ApplicationScoped
public class LocalConnections {
  @Inject MemberRooms memberships;
  @Inject NexusMetrics metrics;
  @Inject ChannelSubscriptions channels;
  @Inject RoomOrders orders;

  private final ConcurrentHashMap<UUID, Set<Connection>> byUser = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<UUID, Set<Connection>> byRoom = new ConcurrentHashMap<>();
  private final PendingRegistrations registrations = new PendingRegistrations();

  // At start-up, so the gauge is on /metrics before the first socket opens.
  void exposeCount(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    metrics.connectedSockets(this::count);
  }

  /**
   * Starts delivering to {@code connection}: first by user, then the rooms the database says it is
   * in, less any it left while they were being read. Done, with those rooms, once this node hears
   * their channels and the user's (see {@link ChannelSubscriptions#whenHeard}); what arrives
   * meanwhile waits in the connection's queue, and each of those rooms' order waits for its start
   * ({@link RoomOrders#start}).
   */
  CompletableFuture<Set<UUID>> register(Connection connection) {
    registrations.begin(connection);
    byUser.compute(
        connection.userId(),
        (id, set) -> {
          if (set == null) {
            set = ConcurrentHashMap.newKeySet();
            channels.follow(Channels.ofUser(id));
          }
          set.add(connection);
          return set;
        });
    List<UUID> read = memberships.roomIdsOf(connection.userId());
    Set<UUID> entered = new HashSet<>();
    registrations.enterRead(
        connection,
        read,
        room -> {
          enter(connection, room, RoomOrder.AWAITING_START);
          entered.add(room);
        });
    List<String> needed = new ArrayList<>();
    needed.add(Channels.ofUser(connection.userId()));
    entered.forEach(room -> needed.add(Channels.ofRoom(room)));
    return channels.whenHeard(needed).thenApply(heard -> entered);
  }

  /** Stops delivering to {@code connection}; true when it was the user's last one on this node. */
  public boolean unregister(Connection connection) {
    registrations.abandon(connection);
    for (UUID room : List.copyOf(connection.rooms())) {
      leave(connection, room);
    }
    boolean[] last = {false};
    byUser.computeIfPresent(
        connection.userId(),
        (id, set) -> {
          set.remove(connection);
          last[0] = set.isEmpty();
          if (set.isEmpty()) {
            channels.drop(Channels.ofUser(id));
            return null;
          }
          return set;
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

  /** The user's connections open on this node. */
  public int countOf(UUID userId) {
    return byUser.getOrDefault(userId, Set.of()).size();
  }

  /** This node's connections in {@code room}. */
  List<Connection> inRoom(UUID room) {
    return List.copyOf(byRoom.getOrDefault(room, Set.of()));
  }

  /** Live: iterated by deliveries, never changed by them. */
  Set<Connection> ofUser(UUID user) {
    return byUser.getOrDefault(user, Set.of());
  }

  /** Live: iterated by deliveries, never changed by them. */
  Set<Connection> ofRoom(UUID room) {
    return byRoom.getOrDefault(room, Set.of());
  }

  /** This node's connections that {@code audience} names, each once. */
  List<Connection> recipientsOf(Audience audience) {
    Set<Connection> recipients = new HashSet<>();
    if (audience.userId() != null) {
      recipients.addAll(ofUser(audience.userId()));
    }
    audience.roomIds().forEach(room -> recipients.addAll(ofRoom(room)));
    audience.joiningUserIds().forEach(user -> recipients.addAll(ofUser(user)));
    return List.copyOf(recipients);
  }

  /**
   * {@code connection} joined {@code room}, whose newest number is {@code newestSeq}; not undone by
   * a registration still reading its rooms.
   */
  void joined(Connection connection, UUID room, long newestSeq) {
    registrations.changed(connection, room, true, () -> enter(connection, room, newestSeq));
  }

  /** {@code connection} left {@code room}; not undone by a registration still reading its rooms. */
  void left(Connection connection, UUID room) {
    registrations.changed(connection, room, false, () -> leave(connection, room));
  }

  private void enter(Connection connection, UUID room, long newestSeq) {
    orders.follow(room, newestSeq);
    connection.entered(room);
    // compute, not computeIfAbsent + add: a concurrent leave must not drop the set under us.
    byRoom.compute(
        room,
        (id, set) -> {
          if (set == null) {
            set = ConcurrentHashMap.newKeySet();
            channels.follow(Channels.ofRoom(id));
          }
          set.add(connection);
          return set;
        });
  }

  private void leave(Connection connection, UUID room) {
    connection.left(room);
    byRoom.computeIfPresent(
        room,
        (id, set) -> {
          set.remove(connection);
          if (set.isEmpty()) {
            orders.forget(room);
            channels.drop(Channels.ofRoom(id));
            return null;
          }
          return set;
        });
  }
}

package dev.nexuschat.realtime.control;

import dev.nexuschat.platform.metrics.NexusMetrics;
import dev.nexuschat.room.control.MemberRooms;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's open connections, indexed by user and by room, and the last step of every broadcast:
 * handing its frame to exactly the local connections it is for. The room index is what keeps
 * fan-out cost proportional to a room's connections, not to the rooms on the server; the order of
 * numbered messages is {@link RoomOrders}'.
 */
@ApplicationScoped
public class LocalConnections {
  private static final String ROOM_CREATED = "room_created";

  @Inject MemberRooms memberships;
  @Inject NexusMetrics metrics;
  @Inject FanOutChannels channels;
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
   * their channels and the user's (see {@link FanOutChannels#whenHeard}); what arrives meanwhile
   * waits in the connection's queue, and each of those rooms' order waits for its start ({@link
   * RoomOrders#start}).
   */
  public CompletableFuture<Set<UUID>> register(Connection connection) {
    registrations.begin(connection);
    byUser.compute(
        connection.userId(),
        (id, set) -> {
          if (set == null) {
            set = ConcurrentHashMap.newKeySet();
            channels.follow(FanOutChannels.ofUser(id));
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
    needed.add(FanOutChannels.ofUser(connection.userId()));
    entered.forEach(room -> needed.add(FanOutChannels.ofRoom(room)));
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
            channels.drop(FanOutChannels.ofUser(id));
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

  /** This node's connections in {@code room}. */
  public List<Connection> inRoom(UUID room) {
    return List.copyOf(byRoom.getOrDefault(room, Set.of()));
  }

  /** This node's connections that {@code broadcast} is for, each once. */
  List<Connection> recipientsOf(Broadcast broadcast) {
    Set<Connection> recipients = new HashSet<>();
    if (broadcast.userId() != null) {
      recipients.addAll(byUser.getOrDefault(broadcast.userId(), Set.of()));
    }
    broadcast.roomIds().forEach(room -> recipients.addAll(byRoom.getOrDefault(room, Set.of())));
    broadcast
        .joiningUserIds()
        .forEach(user -> recipients.addAll(byUser.getOrDefault(user, Set.of())));
    return List.copyOf(recipients);
  }

  /** The user's connections open on this node. */
  public int countOf(UUID userId) {
    return byUser.getOrDefault(userId, Set.of()).size();
  }

  /**
   * Delivers a whole broadcast to this node's connections: the in-process bus, Redis's stand-in,
   * and the one copy of a several-rooms broadcast every node hears (see {@link EventBus}).
   */
  public void deliver(Broadcast broadcast) {
    for (UUID user : broadcast.joiningUserIds()) {
      enterAll(broadcast, user);
    }
    orders.inOrder(broadcast, () -> recordFanOut(broadcast, queueFrames(broadcast)));
    leaveAfter(broadcast, broadcast.roomIds());
  }

  /**
   * Delivers the copy of a one-room {@code broadcast} that came on {@code room}'s channel: to the
   * room's connections, less the joiners (they hear it on their own channel).
   */
  void deliverFromRoomChannel(UUID room, Broadcast broadcast) {
    orders.inOrder(
        broadcast,
        () -> {
          Outgoing frame = new Outgoing(broadcast);
          int frames = 0;
          for (Connection connection : byRoom.getOrDefault(room, Set.of())) {
            if (!connection.userId().equals(broadcast.exceptUserId())
                && !broadcast.joiningUserIds().contains(connection.userId())) {
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
    if (broadcast.userId() == null) {
      enterAll(broadcast, user);
    }
    if (user.equals(broadcast.exceptUserId())) {
      return;
    }
    Outgoing frame = new Outgoing(broadcast);
    int frames = 0;
    for (Connection connection : byUser.getOrDefault(user, Set.of())) {
      frame.sendTo(connection);
      frames++;
    }
    recordFanOut(broadcast, frames);
  }

  private void enterAll(Broadcast broadcast, UUID user) {
    for (Connection connection : byUser.getOrDefault(user, Set.of())) {
      for (UUID room : broadcast.roomIds()) {
        // A room created just now has no messages yet; a joined one may have any number.
        long newestSeq = ROOM_CREATED.equals(broadcast.event()) ? 0 : RoomOrder.UNKNOWN;
        registrations.changed(connection, room, true, () -> enter(connection, room, newestSeq));
      }
    }
  }

  private void leaveAfter(Broadcast broadcast, List<UUID> rooms) {
    if (broadcast.leavingUserId() != null) {
      for (Connection connection : byUser.getOrDefault(broadcast.leavingUserId(), Set.of())) {
        rooms.forEach(
            room -> registrations.changed(connection, room, false, () -> leave(connection, room)));
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
    UUID except = broadcast.exceptUserId();
    int frames = 0;
    if (broadcast.userId() != null) {
      for (Connection connection : byUser.getOrDefault(broadcast.userId(), Set.of())) {
        frame.sendTo(connection);
        frames++;
      }
      return frames;
    }
    boolean severalRooms = broadcast.roomIds().size() > 1;
    Set<Connection> reached = severalRooms ? new HashSet<>() : Set.of();
    for (UUID room : broadcast.roomIds()) {
      for (Connection connection : byRoom.getOrDefault(room, Set.of())) {
        if (!connection.userId().equals(except) && (!severalRooms || reached.add(connection))) {
          frame.sendTo(connection);
          frames++;
        }
      }
    }
    return frames;
  }

  private void enter(Connection connection, UUID room, long newestSeq) {
    orders.follow(room, newestSeq);
    connection.rooms().add(room);
    // compute, not computeIfAbsent + add: a concurrent leave must not drop the set under us.
    byRoom.compute(
        room,
        (id, set) -> {
          if (set == null) {
            set = ConcurrentHashMap.newKeySet();
            channels.follow(FanOutChannels.ofRoom(id));
          }
          set.add(connection);
          return set;
        });
  }

  private void leave(Connection connection, UUID room) {
    connection.rooms().remove(room);
    byRoom.computeIfPresent(
        room,
        (id, set) -> {
          set.remove(connection);
          if (set.isEmpty()) {
            orders.forget(room);
            channels.drop(FanOutChannels.ofRoom(id));
            return null;
          }
          return set;
        });
  }

  /** A broadcast's frame, built once per node, and whether it is history or state. */
  private record Outgoing(String text, Outbox.StateKey stateKey) {
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

package dev.nexuschat.realtime.routing;

import dev.nexuschat.realtime.connection.Connection;
import dev.nexuschat.room.control.MemberRooms;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a new socket where its live stream starts, so that a client can always be gap-free. The
 * socket is put in its rooms, this node waits until it hears their Redis channels (and the user's),
 * and only then reads where each room stands: whatever commits after that read is published after
 * the subscription, so it reaches the socket live; whatever committed before it is history the
 * client fetches with {@code after=}. That answer is the socket's first frame, {@code ready
 * {connection_id, rooms: [{room_id, last_message_id, last_seq}]}}; frames for the socket wait
 * behind it meanwhile.
 */
@ApplicationScoped
public class StreamStart {
  /** How long a socket may wait for its channels before it is asked to come back (1013). */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(StreamStart.class.getName());

  @Inject LocalConnections local;
  @Inject MemberRooms memberships;
  @Inject RoomOrders orders;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  public void open(Connection connection) {
    CompletableFuture<Set<UUID>> heard = local.register(connection);
    if (heard.isDone()) {
      // The usual case (no Redis, or rooms this node already hears): no hop to another thread.
      try {
        ready(connection, heard.join());
      } catch (RuntimeException e) {
        notReady(connection, e);
      }
      return;
    }
    heard
        .orTimeout(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .thenAcceptAsync(rooms -> ready(connection, rooms), executor)
        .exceptionally(
            failure -> {
              notReady(connection, failure);
              return null;
            });
  }

  /** Its channels were not heard in time, or its positions could not be read. */
  private void notReady(Connection connection, Throwable failure) {
    LOG.log(Level.WARNING, "No live stream for a socket: asking it to come back", failure);
    connection.closeOn(executor, CloseReason.CloseCodes.TRY_AGAIN_LATER, "Not ready: reconnect");
  }

  /**
   * Reads the positions of {@code rooms} the socket is still in, starts their orders there, and
   * writes {@code ready}. A room joined since registration is not listed: its {@code room_created}
   * (queued behind {@code ready}) tells the client to load it.
   */
  private void ready(Connection connection, Set<UUID> rooms) {
    List<ServerEvents.RoomPosition> positions = new ArrayList<>();
    for (MemberRooms.Position position : memberships.positionsOf(connection.userId())) {
      if (rooms.contains(position.roomId()) && connection.isIn(position.roomId())) {
        orders.start(position.roomId(), position.lastSeq());
        positions.add(
            new ServerEvents.RoomPosition(
                position.roomId(), position.lastMessageId(), position.lastSeq()));
      }
    }
    connection.start(
        ServerEvents.frame(ServerEvents.READY, new ServerEvents.Ready(connection.id(), positions)));
  }
}

package dev.nexuschat.realtime.routing;

import dev.nexuschat.platform.metrics.NexusMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link RoomOrder} of each room this node follows: numbered messages of a room are delivered
 * in history order, everything else at once; gaps that never fill are released by a timer.
 */
@ApplicationScoped
public class RoomOrders {
  @Inject NexusMetrics metrics;

  private final ConcurrentHashMap<UUID, RoomOrder> orders = new ConcurrentHashMap<>();
  private final Set<UUID> roomsWithGaps = ConcurrentHashMap.newKeySet();

  /** This node starts following {@code room}, whose newest number is {@code newestSeq}. */
  void follow(UUID room, long newestSeq) {
    orders.computeIfAbsent(room, id -> new RoomOrder(newestSeq));
  }

  /**
   * A socket's {@code ready} found {@code room}'s newest number to be {@code newestSeq}: an order
   * still {@link RoomOrder#AWAITING_START} starts from it.
   */
  void start(UUID room, long newestSeq) {
    RoomOrder order = orders.get(room);
    if (order != null) {
      synchronized (order) {
        order.start(newestSeq);
        if (!order.hasWaiting()) {
          roomsWithGaps.remove(room);
        }
      }
    }
  }

  /**
   * This node heard nothing from Redis for a while: its orders do not know the numbers published
   * meanwhile, and would take the next message for a gap. What they hold is released, and each
   * starts again from the next socket's {@code ready}.
   */
  void restartAll() {
    orders.replaceAll(
        (room, order) -> {
          synchronized (order) {
            order.releaseAll();
          }
          return new RoomOrder(RoomOrder.AWAITING_START);
        });
    roomsWithGaps.clear();
  }

  /** This node's last connection in {@code room} left it. */
  void forget(UUID room) {
    orders.remove(room);
  }

  /** A room's numbered messages go through its order; everything else at once. */
  void inOrder(Broadcast broadcast, Runnable delivery) {
    UUID room = broadcast.audience().onlyRoom();
    RoomOrder order = broadcast.seq() > 0 && room != null ? orders.get(room) : null;
    if (order == null) {
      delivery.run();
      return;
    }
    synchronized (order) {
      order.submit(broadcast.seq(), delivery);
      if (order.hasWaiting()) {
        roomsWithGaps.add(room);
      }
    }
  }

  /**
   * Releases messages held for a gap that did not fill within {@code holdNanos}; returns the rooms
   * whose gap was skipped: their sockets here missed a message.
   */
  List<UUID> expireGaps(long holdNanos) {
    List<UUID> skipped = new ArrayList<>();
    for (UUID room : List.copyOf(roomsWithGaps)) {
      RoomOrder order = orders.get(room);
      if (order == null) {
        roomsWithGaps.remove(room);
        continue;
      }
      synchronized (order) {
        if (order.expire(holdNanos)) {
          // A late event (its sender's thread or node was slow to publish) or one lost with a
          // crashed node: either way this room's later messages waited the whole hold.
          metrics.messageGapSkipped();
          skipped.add(room);
        }
        if (!order.hasWaiting()) {
          roomsWithGaps.remove(room);
        }
      }
    }
    return skipped;
  }
}

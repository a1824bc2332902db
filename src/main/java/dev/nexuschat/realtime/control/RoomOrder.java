package dev.nexuschat.realtime.control;

import java.util.TreeMap;

/**
 * Puts one room's {@code new_message} events back into history order. Messages are numbered without
 * gaps per room under the room lock, but their after-commit events race each other (and cross nodes
 * through Redis), so a number that arrives early waits for the ones before it; a gap that does not
 * fill within the hold time (an event lost with a crashed node) is skipped: clients recover such a
 * message with {@code ?after=}.
 */
final class RoomOrder {
  private long delivered;
  private final TreeMap<Long, Runnable> waiting = new TreeMap<>();
  private long oldestWaitingSinceNanos;

  static final long UNKNOWN = -1;

  /**
   * {@code delivered}: the room's newest number when this node started following it, or {@link
   * #UNKNOWN}.
   */
  RoomOrder(long delivered) {
    this.delivered = delivered;
  }

  /**
   * Runs {@code delivery} now, with the ones it unblocks, or parks it; call under this object's
   * lock.
   */
  void submit(long seq, Runnable delivery) {
    if (delivered == UNKNOWN || seq <= delivered) {
      // Unknown start, or a duplicate/late number: deliver rather than lose it.
      delivered = Math.max(delivered, seq);
      delivery.run();
      releaseReady();
      return;
    }
    if (seq == delivered + 1) {
      delivered = seq;
      delivery.run();
      releaseReady();
      return;
    }
    if (waiting.isEmpty()) {
      oldestWaitingSinceNanos = System.nanoTime();
    }
    waiting.put(seq, delivery);
  }

  /**
   * Gives up on a gap older than {@code holdNanos}; true if it did. Call under this object's lock.
   */
  boolean expire(long holdNanos) {
    if (!waiting.isEmpty() && System.nanoTime() - oldestWaitingSinceNanos >= holdNanos) {
      delivered = waiting.firstKey() - 1;
      releaseReady();
      return true;
    }
    return false;
  }

  boolean hasWaiting() {
    return !waiting.isEmpty();
  }

  private void releaseReady() {
    while (!waiting.isEmpty() && waiting.firstKey() <= delivered + 1) {
      var next = waiting.pollFirstEntry();
      delivered = Math.max(delivered, next.getKey());
      next.getValue().run();
    }
    if (!waiting.isEmpty()) {
      oldestWaitingSinceNanos = System.nanoTime();
    }
  }
}

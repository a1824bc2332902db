package dev.nexuschat.realtime.routing;

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
   * Followed for a socket whose {@code ready} is being prepared: numbers wait, in order, until
   * {@link #start} gives the room's newest number as read once the node's subscription to the room
   * was confirmed (a number read earlier could make the messages published before the subscription
   * look like a gap that never fills).
   */
  static final long AWAITING_START = -2;

  /**
   * {@code delivered}: the room's newest number when this node started following it, {@link
   * #UNKNOWN} or {@link #AWAITING_START}.
   */
  RoomOrder(long delivered) {
    this.delivered = delivered;
  }

  /**
   * Runs {@code delivery} now, with the ones it unblocks, or parks it; call under this object's
   * lock.
   */
  void submit(long seq, Runnable delivery) {
    if (delivered == AWAITING_START) {
      park(seq, delivery);
      return;
    }
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
    park(seq, delivery);
  }

  private void park(long seq, Runnable delivery) {
    if (waiting.isEmpty()) {
      oldestWaitingSinceNanos = System.nanoTime();
    }
    waiting.put(seq, delivery);
  }

  /**
   * The room's newest number, read after the subscription was confirmed: what waits up to it is
   * history already (delivered in order, receivers dedupe by id), what follows is delivered in
   * order from it. Only the first start counts; under this object's lock.
   */
  void start(long newestSeq) {
    if (delivered != AWAITING_START) {
      return;
    }
    while (!waiting.isEmpty() && waiting.firstKey() <= newestSeq) {
      waiting.pollFirstEntry().getValue().run();
    }
    delivered = newestSeq;
    releaseReady();
  }

  /**
   * Gives up on a gap older than {@code holdNanos}; true if it did. Call under this object's lock.
   */
  boolean expire(long holdNanos) {
    if (waiting.isEmpty() || System.nanoTime() - oldestWaitingSinceNanos < holdNanos) {
      return false;
    }
    if (delivered == AWAITING_START) {
      // No start came (its socket closed first, or its read failed): no gap is known either.
      start(waiting.firstKey() - 1);
      return false;
    }
    delivered = waiting.firstKey() - 1;
    releaseReady();
    return true;
  }

  /** Delivers everything waiting, in order, gaps or not. Under this object's lock. */
  void releaseAll() {
    while (!waiting.isEmpty()) {
      var next = waiting.pollFirstEntry();
      delivered = Math.max(delivered, next.getKey());
      next.getValue().run();
    }
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

package dev.nexuschat.realtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomOrderTest {
  private final List<Long> delivered = new ArrayList<>();
  private final RoomOrder order = new RoomOrder(10);

  private void submit(long seq) {
    order.submit(seq, () -> delivered.add(seq));
  }

  @Test
  void anEarlyNumberWaitsForTheOneBeforeIt() {
    submit(12);
    assertEquals(List.of(), delivered);
    submit(11);
    assertEquals(List.of(11L, 12L), delivered);
    assertFalse(order.expire(0), "nothing was waiting");
  }

  @Test
  void aGapThatDoesNotFillIsSkippedOnceItsHoldIsOverAndSaysSo() {
    submit(12);
    submit(13);
    assertFalse(order.expire(Long.MAX_VALUE), "the hold is not over");
    assertEquals(List.of(), delivered);

    assertTrue(order.expire(0));
    assertEquals(List.of(12L, 13L), delivered);
    assertFalse(order.hasWaiting());

    submit(11); // the late one still arrives, out of order rather than lost
    assertEquals(List.of(12L, 13L, 11L), delivered);
  }

  @Test
  void anOrderAwaitingItsStartHoldsNumbersAndReleasesThemInOrderFromTheStart() {
    RoomOrder starting = new RoomOrder(RoomOrder.AWAITING_START);
    for (long seq : new long[] {7, 5, 9, 6}) {
      starting.submit(seq, () -> delivered.add(seq));
    }
    assertEquals(List.of(), delivered, "nothing before the start");

    starting.start(6);

    // 5 and 6 are history already (the client has them from ready's positions): in order, at once;
    // 7 follows the start; 9 waits for 8.
    assertEquals(List.of(5L, 6L, 7L), delivered);
    assertTrue(starting.hasWaiting());
    starting.submit(8, () -> delivered.add(8L));
    assertEquals(List.of(5L, 6L, 7L, 8L, 9L), delivered);
    starting.start(100);
    starting.submit(10, () -> delivered.add(10L));
    assertEquals(10L, delivered.get(delivered.size() - 1), "only the first start counts");
  }

  @Test
  void anOrderWhoseStartNeverComesReleasesWhatWaitsWithoutReportingAGap() {
    RoomOrder starting = new RoomOrder(RoomOrder.AWAITING_START);
    starting.submit(4, () -> delivered.add(4L));
    starting.submit(3, () -> delivered.add(3L));

    assertFalse(starting.expire(0), "no gap is known without a start");
    assertEquals(List.of(3L, 4L), delivered);
    starting.submit(5, () -> delivered.add(5L));
    assertEquals(List.of(3L, 4L, 5L), delivered);
  }

  @Test
  void afterTheNodeHeardNothingAnOrderStartsAgainFromTheNextReadyInsteadOfSeeingAGap() {
    RoomOrders orders = new RoomOrders();
    java.util.UUID room = java.util.UUID.randomUUID();
    orders.follow(room, 1); // delivered up to 1; 2 was published while the node heard nothing
    orders.inOrder(numbered(room, 4), () -> delivered.add(4L)); // waits for 2 and 3

    orders.restartAll();
    assertEquals(List.of(4L), delivered, "what waited is released, not dropped");
    orders.start(room, 2); // the next socket's ready
    orders.inOrder(numbered(room, 3), () -> delivered.add(3L));

    assertEquals(List.of(4L, 3L), delivered, "3 follows 2 at once: no gap to wait for");
  }

  private static Broadcast numbered(java.util.UUID room, long seq) {
    return Broadcast.to(Audience.room(room), ServerEvents.NEW_MESSAGE, "{}").numbered(seq);
  }
}

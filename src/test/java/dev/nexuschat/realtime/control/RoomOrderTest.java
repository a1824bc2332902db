package dev.nexuschat.realtime.control;

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
}

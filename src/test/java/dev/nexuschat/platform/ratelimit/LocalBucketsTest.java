package dev.nexuschat.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalBucketsTest {
  private long now = 1_000_000;
  private final LocalBuckets buckets = new LocalBuckets(() -> now);
  private final Rate oneASecondBurstThirty = new Rate(30, 60, Duration.ofMinutes(1));

  @Test
  void aBurstUpToTheCapacityPassesAndTheNextOneWaitsForOneRefill() {
    for (int i = 0; i < 30; i++) {
      assertThat(buckets.take("k", oneASecondBurstThirty)).as("take %d", i).isZero();
    }
    assertThat(buckets.take("k", oneASecondBurstThirty)).isEqualTo(1000);
    now += 400;
    assertThat(buckets.take("k", oneASecondBurstThirty)).isEqualTo(600);
    now += 600;
    assertThat(buckets.take("k", oneASecondBurstThirty)).isZero();
    assertThat(buckets.take("k", oneASecondBurstThirty)).isEqualTo(1000);
  }

  @Test
  void aRefusedTakeCostsNothing() {
    for (int i = 0; i < 30; i++) {
      buckets.take("k", oneASecondBurstThirty);
    }
    for (int i = 0; i < 100; i++) {
      assertThat(buckets.take("k", oneASecondBurstThirty)).isPositive();
    }
    now += 1000;
    assertThat(buckets.take("k", oneASecondBurstThirty)).isZero();
  }

  /** A fixed window lets 2x the limit through around its boundary; the bucket does not. */
  @Test
  void noDoubleBurstAtAWindowBoundary() {
    now += 59_999;
    int passed = 0;
    for (int i = 0; i < 100; i++) {
      passed += buckets.take("k", oneASecondBurstThirty) == 0 ? 1 : 0;
    }
    now += 2;
    for (int i = 0; i < 100; i++) {
      passed += buckets.take("k", oneASecondBurstThirty) == 0 ? 1 : 0;
    }
    assertThat(passed).isEqualTo(30);
  }

  @Test
  void sustainedUseAtTheRateNeverWaitsAndAFullHourOfItStaysWithinBurstPlusRate() {
    Rate typing = new Rate(10, 120, Duration.ofMinutes(1));
    for (int second = 0; second < 3600; second++) {
      // one typing_start a second, a little late or early each time
      now += 1000 + (second % 2 == 0 ? 150 : -150);
      assertThat(buckets.take("typist", typing)).as("second %d", second).isZero();
    }
  }

  @Test
  void aFloodIsCutToTheBurstThenToTheRate() {
    Rate typing = new Rate(10, 120, Duration.ofMinutes(1));
    int passed = 0;
    for (int i = 0; i < 10_000; i++) {
      now += 1; // 1000 frames a second for 10 s
      passed += buckets.take("typist", typing) == 0 ? 1 : 0;
    }
    assertThat(passed).isBetween(10 + 19, 10 + 21);
  }

  @Test
  void subjectsHaveBucketsOfTheirOwn() {
    Rate one = new Rate(1, 1, Duration.ofHours(1));
    assertThat(buckets.take("a", one)).isZero();
    assertThat(buckets.take("a", one)).isEqualTo(3_600_000);
    assertThat(buckets.take("b", one)).isZero();
  }

  @Test
  void fullBucketsAreForgotten() {
    Rate one = new Rate(5, 60, Duration.ofMinutes(1));
    for (int i = 0; i < 5000; i++) {
      buckets.take("user-" + i, one);
    }
    now += 60_000;
    for (int i = 0; i < 1024; i++) {
      buckets.take("late", one);
    }
    assertThat(buckets.size()).isLessThan(5000);
  }
}

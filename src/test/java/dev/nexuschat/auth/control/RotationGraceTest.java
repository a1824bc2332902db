package dev.nexuschat.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.platform.redis.RedisConnection;
import dev.nexuschat.platform.time.Timestamps;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-process grace (no NEXUS_REDIS_URL): only the rotated token opens its successor. */
class RotationGraceTest {
  private static RotationGrace grace(long seconds) {
    RotationGrace grace = new RotationGrace();
    grace.redis = new RedisConnection(); // never connected: not configured
    grace.graceSeconds = seconds;
    return grace;
  }

  private static RefreshTokens.Issued successor() {
    return new RefreshTokens.Issued(
        RefreshTokens.newToken(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        true,
        Timestamps.now().plusDays(30));
  }

  @Test
  void theRotatedTokenRecallsTheSuccessorItWasGiven() {
    RotationGrace grace = grace(10);
    String rotated = RefreshTokens.newToken();
    RefreshTokens.Issued next = successor();
    grace.remember(rotated, next);
    assertEquals(next, grace.recall(rotated).orElseThrow());
  }

  @Test
  void anyOtherTokenRecallsNothing() {
    RotationGrace grace = grace(10);
    grace.remember(RefreshTokens.newToken(), successor());
    assertTrue(grace.recall(RefreshTokens.newToken()).isEmpty());
  }

  @Test
  void aGraceOfZeroKeepsNothing() {
    RotationGrace grace = grace(0);
    String rotated = RefreshTokens.newToken();
    grace.remember(rotated, successor());
    assertTrue(grace.recall(rotated).isEmpty());
  }
}

package dev.nexuschat.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-process revocation list (no NEXUS_REDIS_URL): exact while needed, then gone. */
class SessionRevocationsTest {
  private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
  private final List<UUID> announced = new ArrayList<>();
  private final SessionRevocations revocations = new SessionRevocations();

  SessionRevocationsTest() {
    revocations.redis = new RedisConnection(); // never connected: not configured
    revocations.revoked = new Recorded();
    revocations.clock = now::get;
  }

  @Test
  void aRevokedSessionIsRevokedAndNoOtherIs() {
    UUID ended = UUID.randomUUID();
    revocations.revoke(ended);
    assertTrue(revocations.isRevoked(ended));
    assertFalse(revocations.isRevoked(UUID.randomUUID()));
    assertEquals(List.of(ended), announced);
  }

  @Test
  void anEntryLastsAsLongAsAnAccessTokenMintedBeforeTheRevocationCould() {
    UUID ended = UUID.randomUUID();
    revocations.revoke(ended);
    now.addAndGet(AccessTokens.LIFETIME.toMillis());
    assertTrue(revocations.isRevoked(ended), "a token minted just before is still unexpired");
    now.addAndGet(Duration.ofMinutes(1).toMillis());
    assertFalse(revocations.isRevoked(ended));
    assertEquals(0, revocations.size());
  }

  @Test
  void endedSessionsNoOneAsksAboutAreSweptSoTheListStaysBounded() {
    for (int i = 0; i < 1000; i++) {
      revocations.revoke(UUID.randomUUID());
    }
    now.addAndGet(SessionRevocations.KEEP.toMillis() + 1);
    for (int i = 0; i < 300; i++) {
      revocations.revoke(UUID.randomUUID());
    }
    assertTrue(revocations.size() <= 300, "held " + revocations.size());
  }

  @Test
  void aRevocationHeardAgainIsAnnouncedOnce() {
    UUID ended = UUID.randomUUID();
    long until = now.get() + SessionRevocations.KEEP.toMillis();
    revocations.heard(ended + " " + until);
    revocations.heard(ended + " " + until);
    revocations.revoke(ended);
    assertEquals(List.of(ended), announced);
    assertTrue(revocations.isRevoked(ended));
  }

  @Test
  void aMalformedOrStaleAnnouncementChangesNothing() {
    revocations.heard("not-a-session 123");
    revocations.heard("garbage");
    UUID stale = UUID.randomUUID();
    revocations.heard(stale + " " + (now.get() - 1));
    assertFalse(revocations.isRevoked(stale));
    assertEquals(List.of(), announced);
  }

  /** Records what would have been fired to the observers (the sockets' closer). */
  private final class Recorded implements Event<SessionRevoked> {
    @Override
    public void fire(SessionRevoked event) {
      announced.add(event.sessionId());
    }

    @Override
    public <U extends SessionRevoked> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends SessionRevoked> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<SessionRevoked> select(Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends SessionRevoked> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends SessionRevoked> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}

package dev.nexuschat.auth.control;

import dev.nexuschat.platform.redis.OutageLog;
import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The sessions (refresh-token families) ended while access tokens of theirs may still be unexpired:
 * every access token carries its session id ({@code sid}), and one of an ended session is refused
 * by REST and by the socket handshake, and its open sockets are closed (see {@link
 * SessionRevoked}).
 *
 * <p>An entry lives as long as the longest access token minted before the end could (30 minutes,
 * plus a minute for clocks of other nodes), then goes: the list holds the sessions ended in the
 * last half hour, no more. Checking is a lookup in this node's memory, never a network call, so it
 * costs nothing per request and a Redis failure cannot fail requests.
 *
 * <p>With {@code NEXUS_REDIS_URL}, each revocation is also added to a Redis sorted set (score:
 * until when) and published on {@link #CHANNEL}, which every node hears (through the fan-out
 * subscription); a node that (re)subscribes loads the set, so one that was started or cut off
 * meanwhile catches up. While Redis is unreachable this fails open: a node keeps refusing what it
 * knew and what it revoked itself, but cannot hear other nodes' revocations until it resubscribes
 * (refresh tokens, in PostgreSQL, are revoked at once regardless); revocations it could not share
 * are shared when Redis is back.
 */
@ApplicationScoped
public class SessionRevocations {
  /** Every node listens here: {@code "<session id> <until, epoch ms>"}. */
  public static final String CHANNEL = "nexus:sessions:revoked";

  static final String KEY = "nexus:revoked-sessions";

  /** The longest an access token minted before the end can still be presented, and some slack. */
  static final Duration KEEP = AccessTokens.LIFETIME.plus(Duration.ofMinutes(1));

  private static final String REVOKE =
      """
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
      redis.call('PEXPIRE', KEYS[1], ARGV[4])
      redis.call('PUBLISH', ARGV[5], ARGV[1] .. ' ' .. ARGV[2])
      return 1""";

  private static final String LOAD =
      "return redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], '+inf', 'WITHSCORES')";

  private static final int SWEEP_EVERY = 256;
  private static final Logger LOG = Logger.getLogger(SessionRevocations.class.getName());
  private static final OutageLog OUTAGE =
      new OutageLog(LOG, "revoking sessions on this node only (shared once Redis is back)");

  @Inject RedisConnection redis;
  @Inject Event<SessionRevoked> revoked;

  private final ConcurrentHashMap<UUID, Long> revokedUntil = new ConcurrentHashMap<>();

  /** Revoked on this node while Redis could not take them: shared on the next resync. */
  private final ConcurrentHashMap<UUID, Long> unshared = new ConcurrentHashMap<>();

  private final AtomicInteger learnedSinceSweep = new AtomicInteger();

  /** Epoch milliseconds; a test moves it. */
  LongSupplier clock = System::currentTimeMillis;

  /** Once the revoking transaction committed: a rolled-back logout ends nothing. */
  void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
    revoke(ended.sessionId());
  }

  /** Ends {@code sessionId}'s access tokens on this node at once and on the others via Redis. */
  public void revoke(UUID sessionId) {
    long until = clock.getAsLong() + KEEP.toMillis();
    learn(sessionId, until);
    if (!redis.isConfigured()) {
      return;
    }
    if (share(sessionId, until)) {
      shareUnshared(); // Redis is answering again: the ones it missed go now, not at the resync
    } else {
      unshared.merge(sessionId, until, Math::max);
    }
  }

  public boolean isRevoked(UUID sessionId) {
    Long until = revokedUntil.get(sessionId);
    if (until == null) {
      return false;
    }
    if (until <= clock.getAsLong()) {
      revokedUntil.remove(sessionId, until);
      return false;
    }
    return true;
  }

  /** A revocation published by a node (this one included) on {@link #CHANNEL}. */
  public void heard(String message) {
    String[] parts = message.split(" ");
    try {
      learn(UUID.fromString(parts[0]), Long.parseLong(parts[1]));
    } catch (RuntimeException e) {
      LOG.warning("Ignored a malformed session revocation: " + message + " (" + e + ")");
    }
  }

  /**
   * The subscription to {@link #CHANNEL} is (again) in place: share what could not be shared, then
   * load everything revoked while this node was not listening. Loading after subscribing misses
   * nothing: a revocation is in the set before it is published.
   */
  public void resync() {
    if (!redis.isConfigured()) {
      return;
    }
    shareUnshared();
    try {
      Object reply =
          redis.client().get().eval(LOAD, List.of(KEY), List.of(Long.toString(clock.getAsLong())));
      List<?> flat = (List<?>) reply;
      for (int i = 0; i + 1 < flat.size(); i += 2) {
        learn(
            UUID.fromString(String.valueOf(flat.get(i))),
            (long) Double.parseDouble(String.valueOf(flat.get(i + 1))));
      }
    } catch (RuntimeException e) {
      // Runs on the subscriber thread: a failure here must not tear down the subscription.
      LOG.log(Level.WARNING, "Could not load the revoked sessions from Redis", e);
    }
  }

  /** Entries held on this node, expired ones not yet swept included. */
  int size() {
    return revokedUntil.size();
  }

  private void shareUnshared() {
    if (unshared.isEmpty()) {
      return;
    }
    for (Map.Entry<UUID, Long> pending : Map.copyOf(unshared).entrySet()) {
      if (pending.getValue() <= clock.getAsLong() || share(pending.getKey(), pending.getValue())) {
        unshared.remove(pending.getKey(), pending.getValue());
      }
    }
  }

  private boolean share(UUID sessionId, long until) {
    long now = clock.getAsLong();
    try {
      redis
          .client()
          .get()
          .eval(
              REVOKE,
              List.of(KEY),
              List.of(
                  sessionId.toString(),
                  Long.toString(until),
                  Long.toString(now),
                  Long.toString(KEEP.toMillis()),
                  CHANNEL));
      OUTAGE.succeeded();
      return true;
    } catch (JedisException e) {
      OUTAGE.failed(e);
      return false;
    }
  }

  private void learn(UUID sessionId, long until) {
    long now = clock.getAsLong();
    if (until <= now) {
      return;
    }
    Long before = revokedUntil.putIfAbsent(sessionId, until);
    if (before == null) {
      revoked.fire(new SessionRevoked(sessionId));
    } else if (before < until) {
      revokedUntil.merge(sessionId, until, Math::max);
    }
    if (learnedSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
      learnedSinceSweep.set(0);
      revokedUntil.values().removeIf(end -> end <= now);
      unshared.values().removeIf(end -> end <= now);
    }
  }
}

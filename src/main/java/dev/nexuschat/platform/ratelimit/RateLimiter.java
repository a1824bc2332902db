package dev.nexuschat.platform.ratelimit;

import dev.nexuschat.platform.errors.RateLimited;
import dev.nexuschat.platform.metrics.NexusMetrics;
import dev.nexuschat.platform.redis.OutageLog;
import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Fixed-window attempt counters. Kept in Redis when it is configured, so every node counts against
 * one limit; in process otherwise, and as a fallback while Redis is unreachable (limits then hold
 * per node rather than not at all).
 */
@ApplicationScoped
public class RateLimiter {
  private static final OutageLog OUTAGE =
      new OutageLog(Logger.getLogger(RateLimiter.class.getName()), "counting attempts per node");
  // INCR and set the window's expiry atomically; returns {count, milliseconds left}.
  private static final String HIT_SCRIPT =
      "local n = redis.call('INCR', KEYS[1]) "
          + "local ttl = redis.call('PTTL', KEYS[1]) "
          + "if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end "
          + "return {n, ttl}";

  @Inject RedisConnection redis;
  @Inject NexusMetrics metrics;

  private final LocalWindows local = new LocalWindows();

  /**
   * Counts one attempt of {@code subject} (an IP address, say) against {@code limit} per {@code
   * window}; throws {@link RateLimited} with the wait when over it.
   */
  public void hit(String bucket, String subject, int limit, Duration window) {
    String key = "nexus:ratelimit:" + bucket + ":" + subject;
    LocalWindows.Count count = redis.client().isPresent() ? remoteHit(key, window) : null;
    if (count == null) {
      count = local.hit(key, window);
    }
    if (count.value() > limit) {
      metrics.rateLimited();
      throw new RateLimited(Math.max(1, (count.millisLeft() + 999) / 1000));
    }
  }

  private LocalWindows.Count remoteHit(String key, Duration window) {
    try {
      Object reply =
          redis
              .client()
              .get()
              .eval(HIT_SCRIPT, List.of(key), List.of(Long.toString(window.toMillis())));
      OUTAGE.succeeded();
      List<?> values = (List<?>) reply;
      return new LocalWindows.Count(
          ((Number) values.get(0)).longValue(), ((Number) values.get(1)).longValue());
    } catch (JedisException e) {
      OUTAGE.failed(e);
      return null;
    }
  }
}

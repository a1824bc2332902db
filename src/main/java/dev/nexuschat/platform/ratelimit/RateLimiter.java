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
 * Fixed-window attempt counters (sign-in attempts per client address) and token buckets (work per
 * user, see {@link UserLimits}). Kept in Redis when it is configured, so every node counts against
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
  // GCRA on Redis's clock (one clock for every node): KEYS[1] holds the theoretical arrival time
  // of the next token in ms. ARGV: interval, tolerance (burst - 1 intervals). Returns the wait in
  // ms, 0 when a token was taken. A refused take changes nothing.
  private static final String TAKE_SCRIPT =
      "local t = redis.call('TIME') "
          + "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) "
          + "local tat = tonumber(redis.call('GET', KEYS[1])) or now "
          + "if tat < now then tat = now end "
          + "local over = tat - now - tonumber(ARGV[2]) "
          + "if over > 0 then return over end "
          + "local nextTat = tat + tonumber(ARGV[1]) "
          + "redis.call('SET', KEYS[1], nextTat, 'PX', nextTat - now) "
          + "return 0";

  @Inject RedisConnection redis;
  @Inject NexusMetrics metrics;

  private final LocalWindows local = new LocalWindows();
  private final LocalBuckets buckets = new LocalBuckets(System::currentTimeMillis);

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
      metrics.rateLimited(bucket);
      throw new RateLimited(Math.max(1, (count.millisLeft() + 999) / 1000));
    }
  }

  /**
   * Takes one token of {@code subject}'s bucket; throws {@link RateLimited} with the wait until the
   * next one when it is empty (and then takes nothing).
   */
  public void take(String bucket, String subject, Rate rate, String tooMuch) {
    String key = "nexus:ratelimit:" + bucket + ":" + subject;
    Long wait = redis.client().isPresent() ? remoteTake(key, rate) : null;
    if (wait == null) {
      wait = buckets.take(key, rate);
    }
    if (wait > 0) {
      metrics.rateLimited(bucket);
      throw RateLimited.inMillis(tooMuch, wait);
    }
  }

  private Long remoteTake(String key, Rate rate) {
    try {
      Object reply =
          redis
              .client()
              .get()
              .eval(
                  TAKE_SCRIPT,
                  List.of(key),
                  List.of(
                      Long.toString(rate.intervalMillis()), Long.toString(rate.toleranceMillis())));
      OUTAGE.succeeded();
      return ((Number) reply).longValue();
    } catch (JedisException e) {
      OUTAGE.failed(e);
      return null;
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

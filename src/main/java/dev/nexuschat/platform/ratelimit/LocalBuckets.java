package dev.nexuschat.platform.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * In-process token buckets (GCRA: per key, the theoretical arrival time of the next token), swept
 * once they are full again so idle keys do not pile up. The same arithmetic as the Redis script in
 * {@link RateLimiter}.
 */
final class LocalBuckets {
  private static final int SWEEP_EVERY = 1024;
  private final ConcurrentHashMap<String, Long> arrivals = new ConcurrentHashMap<>();
  private final AtomicInteger takesSinceSweep = new AtomicInteger();
  private final LongSupplier clockMillis;

  LocalBuckets(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  /** Takes one token of {@code key}: 0 when there was one, else the milliseconds until there is. */
  long take(String key, Rate rate) {
    long now = clockMillis.getAsLong();
    long[] wait = {0};
    arrivals.compute(
        key,
        (k, stored) -> {
          long tat = stored == null ? now : Math.max(stored, now);
          long over = tat - now - rate.toleranceMillis();
          if (over > 0) {
            wait[0] = over;
            return stored;
          }
          return tat + rate.intervalMillis();
        });
    if (takesSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
      takesSinceSweep.set(0);
      arrivals.values().removeIf(tat -> tat <= now);
    }
    return wait[0];
  }

  int size() {
    return arrivals.size();
  }
}

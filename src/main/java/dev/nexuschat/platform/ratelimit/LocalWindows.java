package dev.nexuschat.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** In-process fixed windows, swept as they expire so idle keys do not pile up. */
final class LocalWindows {
  record Count(long value, long millisLeft) {}

  private record Window(long endsAtMillis, long count) {}

  private static final int SWEEP_EVERY = 1024;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicInteger hitsSinceSweep = new AtomicInteger();

  Count hit(String key, Duration length) {
    long now = System.currentTimeMillis();
    Window window =
        windows.compute(
            key,
            (k, current) ->
                current == null || current.endsAtMillis() <= now
                    ? new Window(now + length.toMillis(), 1)
                    : new Window(current.endsAtMillis(), current.count() + 1));
    if (hitsSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
      hitsSinceSweep.set(0);
      windows.values().removeIf(w -> w.endsAtMillis() <= now);
    }
    return new Count(window.count(), window.endsAtMillis() - now);
  }
}

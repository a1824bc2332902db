package dev.nexuschat.platform.errors;

import java.util.List;

/**
 * 429: too many attempts; {@link #retryAfterSeconds()} becomes the Retry-After header, {@link
 * #retryAfterMillis()} the WebSocket error's {@code retry_after_ms}.
 */
public final class RateLimited extends ApiException {
  private final long retryAfterMillis;

  public RateLimited(long retryAfterSeconds) {
    this("Too many attempts; retry in " + retryAfterSeconds + " s", retryAfterSeconds * 1000);
  }

  private RateLimited(String detail, long retryAfterMillis) {
    super(429, "RATE_LIMITED", detail, List.of());
    this.retryAfterMillis = retryAfterMillis;
  }

  /** {@code tooMuch} says what there was too much of ("Too many messages"). */
  public static RateLimited inMillis(String tooMuch, long retryAfterMillis) {
    long millis = Math.max(1, retryAfterMillis);
    return new RateLimited(tooMuch + "; retry in " + seconds(millis) + " s", millis);
  }

  /** Whole seconds, rounded up: a client that waits that long is not refused again. */
  public long retryAfterSeconds() {
    return seconds(retryAfterMillis);
  }

  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  private static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }
}

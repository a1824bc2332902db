package dev.nexuschat.platform.errors;

import java.util.List;

/** 429: too many attempts; {@link #retryAfterSeconds()} becomes the Retry-After header. */
public final class RateLimited extends ApiException {
  private final long retryAfterSeconds;

  public RateLimited(long retryAfterSeconds) {
    super(
        429, "RATE_LIMITED", "Too many attempts; retry in " + retryAfterSeconds + " s", List.of());
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}

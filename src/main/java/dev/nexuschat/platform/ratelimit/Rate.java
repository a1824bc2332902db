package dev.nexuschat.platform.ratelimit;

import java.time.Duration;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code refill} per {@code per}. Checked
 * as a GCRA (generic cell rate algorithm): one timestamp per subject, no background refill.
 */
public record Rate(int burst, int refill, Duration per) {
  public Rate {
    if (burst < 1 || refill < 1 || per.toMillis() < 1) {
      throw new IllegalArgumentException(
          "A rate needs a burst, a refill and a period of 1 or more");
    }
  }

  /** The time one token takes to come back. */
  long intervalMillis() {
    return Math.max(1, per.toMillis() / refill);
  }

  /** How far ahead of now the bucket's theoretical arrival time may run: burst - 1 intervals. */
  long toleranceMillis() {
    return intervalMillis() * (burst - 1);
  }
}

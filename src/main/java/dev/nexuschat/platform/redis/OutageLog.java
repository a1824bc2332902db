package dev.nexuschat.platform.redis;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a Redis outage once, with its cause, and its end once, instead of a stack trace for every
 * call that falls back meanwhile (a presence lookup per REST request, a rate-limit hit per login).
 */
public final class OutageLog {
  private final Logger log;
  private final String fallback;
  private final AtomicBoolean down = new AtomicBoolean();

  /** {@code fallback} says what the node does meanwhile, e.g. "counting on this node". */
  public OutageLog(Logger log, String fallback) {
    this.log = log;
    this.fallback = fallback;
  }

  public void failed(RuntimeException cause) {
    if (down.compareAndSet(false, true)) {
      log.log(Level.WARNING, "Redis unavailable: " + fallback + " until it is back", cause);
    } else {
      log.log(Level.FINE, "Redis still unavailable", cause);
    }
  }

  public void succeeded() {
    if (down.get() && down.compareAndSet(true, false)) {
      log.info("Redis is back; no longer " + fallback);
    }
  }

  public boolean isDown() {
    return down.get();
  }
}

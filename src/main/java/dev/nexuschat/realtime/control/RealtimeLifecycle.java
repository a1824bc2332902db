package dev.nexuschat.realtime.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Timers of the live transport, on the container's managed scheduler: a ping to connections every
 * 25 s, a close for the ones silent for 60 s, a 4001 close when a token expires, the release of
 * message gaps that never fill, and 1001 for everyone on shutdown.
 */
@ApplicationScoped
public class RealtimeLifecycle {
  static final Duration PING_EVERY = Duration.ofSeconds(25);
  static final Duration SILENCE_LIMIT = Duration.ofSeconds(60);
  static final Duration GAP_HOLD = Duration.ofSeconds(1);
  static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  @Inject LocalConnections local;
  @Inject EventBus bus;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final List<ScheduledFuture<?>> timers = new ArrayList<>();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    bus.start();
    timers.add(scheduler.scheduleWithFixedDelay(this::keepAlive, 5, 5, TimeUnit.SECONDS));
    timers.add(scheduler.scheduleWithFixedDelay(
        () -> local.expireGaps(GAP_HOLD.toNanos()), 200, 200, TimeUnit.MILLISECONDS));
  }

  /** Closes {@code connection} with 4001 the moment its access token expires. */
  public void closeWhenTokenExpires(Connection connection) {
    long delay = Math.max(0, Duration.between(Instant.now(), connection.tokenExpiresAt()).toMillis());
    connection.expiryTimer(scheduler.schedule(
        () -> connection.close(Connection.TOKEN_EXPIRED, "Access token expired"),
        delay, TimeUnit.MILLISECONDS));
  }

  private void keepAlive() {
    long now = System.nanoTime();
    for (Connection connection : local.all()) {
      if (connection.silentNanos(now) >= SILENCE_LIMIT.toNanos()) {
        connection.close(CloseReason.CloseCodes.GOING_AWAY, "Silent for 60 s");
      } else if (connection.sincePingNanos(now) >= PING_EVERY.toNanos()) {
        connection.ping();
      }
    }
  }

  /** Idempotent: called by the web app's stop and again by CDI. */
  @PreDestroy
  public void shutDown() {
    timers.forEach(timer -> timer.cancel(false));
    for (Connection connection : local.all()) {
      connection.close(CloseReason.CloseCodes.GOING_AWAY, "Server shutting down");
    }
    // Give the close handshakes a moment to finish before the container drops the sockets.
    long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
    while (local.count() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}

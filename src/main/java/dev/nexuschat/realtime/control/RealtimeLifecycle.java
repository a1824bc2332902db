package dev.nexuschat.realtime.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Timers of the live transport, on the container's managed scheduler: a ping to connections every
 * {@code NEXUS_WS_PING_SECONDS} (25 s), a close for the ones silent (no frame, no pong) for {@code
 * NEXUS_WS_IDLE_TIMEOUT_SECONDS} (60 s), a 4001 close when a token expires, the release of message
 * gaps that never fill, the end of typists whose node went silent, the watch on the Redis
 * subscription, the announcement of events this node could not publish, and 1001 for everyone on
 * shutdown.
 */
@ApplicationScoped
public class RealtimeLifecycle {
  static final Duration GAP_HOLD = Duration.ofSeconds(1);
  static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  /** Pings per executor task: few tasks for 10 000 sockets, and no task stuck for long. */
  static final int PING_BATCH = 200;

  @Inject LocalConnections local;
  @Inject RoomOrders orders;
  @Inject EventBus bus;
  @Inject TypingIndicators typing;
  @Inject CatchUpRequests catchUp;

  @Inject
  @ConfigProperty(name = "NEXUS_WS_PING_SECONDS", defaultValue = "25")
  long pingSeconds;

  @Inject
  @ConfigProperty(name = "NEXUS_WS_IDLE_TIMEOUT_SECONDS", defaultValue = "60")
  long idleTimeoutSeconds;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private final List<ScheduledFuture<?>> timers = new ArrayList<>();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    bus.start();
    // Checked often enough that a ping is at most a quarter interval late, and never busier than
    // 10/s.
    long checkEvery =
        Math.max(100, Math.min(5000, Math.min(pingSeconds, idleTimeoutSeconds) * 1000 / 4));
    timers.add(
        scheduler.scheduleWithFixedDelay(
            this::keepAlive, checkEvery, checkEvery, TimeUnit.MILLISECONDS));
    timers.add(
        scheduler.scheduleWithFixedDelay(this::releaseGaps, 200, 200, TimeUnit.MILLISECONDS));
    timers.add(
        scheduler.scheduleWithFixedDelay(bus::checkSubscription, 250, 250, TimeUnit.MILLISECONDS));
    timers.add(
        scheduler.scheduleWithFixedDelay(bus::announceLost, 1000, 1000, TimeUnit.MILLISECONDS));
    timers.add(
        scheduler.scheduleWithFixedDelay(typing::expireUnheard, 500, 500, TimeUnit.MILLISECONDS));
  }

  /**
   * Gives up on gaps that did not fill within the hold: the sockets of those rooms missed a message
   * that nothing will bring, so they are asked to catch up rather than left without it.
   */
  void releaseGaps() {
    for (UUID room : orders.expireGaps(GAP_HOLD.toNanos())) {
      catchUp.ask(local.inRoom(room), CatchUpRequests.GAP);
    }
  }

  /** Closes {@code connection} with 4001 the moment its access token expires. */
  public void closeWhenTokenExpires(Connection connection) {
    long delay =
        Math.max(0, Duration.between(Instant.now(), connection.tokenExpiresAt()).toMillis());
    connection.expiryTimer(
        scheduler.schedule(
            () -> connection.close(Connection.TOKEN_EXPIRED, "Access token expired"),
            delay,
            TimeUnit.MILLISECONDS));
  }

  /**
   * Decides on the scheduler thread, writes elsewhere: Liberty's "async" ping is a synchronous
   * write and a close waits for the container, so done one by one here 10 000 sockets' pings ran
   * late, their pongs came late, and sockets were closed as silent that were not. Pings go out in
   * batches on the managed executor (in parallel with each other and with pong processing), each
   * close is a task of its own, and only a socket pinged since it last spoke can count as silent.
   */
  void keepAlive() {
    long now = System.nanoTime();
    long silenceLimit = TimeUnit.SECONDS.toNanos(idleTimeoutSeconds);
    long pingEvery = TimeUnit.SECONDS.toNanos(pingSeconds);
    List<Connection> due = new ArrayList<>();
    for (Connection connection : local.all()) {
      if (connection.silentDespitePing(now, silenceLimit)) {
        connection.closeOn(
            executor, CloseReason.CloseCodes.GOING_AWAY, "Silent for " + idleTimeoutSeconds + " s");
      } else if (connection.sincePingNanos(now) >= pingEvery && connection.claimPing()) {
        due.add(connection);
      }
    }
    for (int from = 0; from < due.size(); from += PING_BATCH) {
      List<Connection> batch = due.subList(from, Math.min(due.size(), from + PING_BATCH));
      Runnable pings = () -> batch.forEach(Connection::ping);
      try {
        executor.execute(pings);
      } catch (RejectedExecutionException shuttingDown) {
        pings.run();
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

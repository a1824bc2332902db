package dev.nexuschat.realtime.boundary;

import dev.nexuschat.realtime.cluster.RedisPubSub;
import dev.nexuschat.realtime.connection.Connection;
import dev.nexuschat.realtime.connection.ConnectionTimers;
import dev.nexuschat.realtime.routing.Broadcasts;
import dev.nexuschat.realtime.routing.CatchUpRequests;
import dev.nexuschat.realtime.routing.LocalConnections;
import dev.nexuschat.realtime.routing.UnheardTypists;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the live transport, on the container's managed scheduler: the Redis subscription
 * and its watch, the keep-alive, the release of message gaps that never fill, the end of typists
 * whose node went silent, the announcement of events this node could not publish, and 1001 for
 * everyone on shutdown.
 */
@ApplicationScoped
public class RealtimeLifecycle {
  static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  @Inject LocalConnections local;
  @Inject ConnectionTimers connectionTimers;
  @Inject RedisPubSub pubSub;
  @Inject Broadcasts broadcasts;
  @Inject UnheardTypists typists;
  @Inject CatchUpRequests catchUp;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final List<ScheduledFuture<?>> timers = new ArrayList<>();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    pubSub.start();
    long keepAliveEvery = connectionTimers.keepAliveEveryMillis();
    every(keepAliveEvery, () -> connectionTimers.keepAlive(local.all()));
    every(200, catchUp::releaseGaps);
    every(250, pubSub::checkSubscription);
    every(1000, broadcasts::announceLost);
    every(500, typists::expireUnheard);
  }

  private void every(long millis, Runnable task) {
    timers.add(scheduler.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS));
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

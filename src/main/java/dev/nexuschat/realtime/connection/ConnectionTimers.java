package dev.nexuschat.realtime.connection;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clocks of a socket: a ping every {@code NEXUS_WS_PING_SECONDS} (25 s), a close for one silent
 * (no frame, no pong) for {@code NEXUS_WS_IDLE_TIMEOUT_SECONDS} (60 s), and a 4001 close when its
 * access token expires.
 */
@ApplicationScoped
public class ConnectionTimers {
  /** Pings per executor task: few tasks for 10 000 sockets, and no task stuck for long. */
  static final int PING_BATCH = 200;

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

  /**
   * How often {@link #keepAlive} should run: often enough that a ping is at most a quarter interval
   * late, and never busier than 10/s.
   */
  public long keepAliveEveryMillis() {
    return Math.max(100, Math.min(5000, Math.min(pingSeconds, idleTimeoutSeconds) * 1000 / 4));
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
  public void keepAlive(Collection<Connection> connections) {
    long now = System.nanoTime();
    long silenceLimit = TimeUnit.SECONDS.toNanos(idleTimeoutSeconds);
    long pingEvery = TimeUnit.SECONDS.toNanos(pingSeconds);
    List<Connection> due = new ArrayList<>();
    for (Connection connection : connections) {
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
}

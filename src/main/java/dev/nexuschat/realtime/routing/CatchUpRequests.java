package dev.nexuschat.realtime.routing;

import dev.nexuschat.platform.metrics.NexusMetrics;
import dev.nexuschat.realtime.connection.Connection;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sockets that may have missed events, and nothing will replay them: they are closed with 1012 so
 * their clients reconnect, wait for {@code ready} and catch up from history ({@code after=}), as
 * after any disconnect. Counted by reason on {@code /metrics}. On the closer executor: a close
 * waits for the container.
 */
@ApplicationScoped
public class CatchUpRequests {
  /** Gaps are skipped after this long: late events then arrive out of order, not never. */
  static final Duration GAP_HOLD = Duration.ofSeconds(1);

  static final String RESUBSCRIBED = "resubscribed";
  static final String GAP = "gap";
  static final String PUBLISH_FAILED = "publish_failed";

  private static final Logger LOG = Logger.getLogger(CatchUpRequests.class.getName());

  @Inject NexusMetrics metrics;
  @Inject RoomOrders orders;
  @Inject LocalConnections local;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService closer;

  /**
   * Gives up on gaps that did not fill within the hold: the sockets of those rooms missed a message
   * that nothing will bring, so they are asked to catch up rather than left without it. On a timer.
   */
  public void releaseGaps() {
    for (UUID room : orders.expireGaps(GAP_HOLD.toNanos())) {
      ask(local.inRoom(room), GAP);
    }
  }

  void ask(Collection<Connection> missedEvents, String reason) {
    if (missedEvents.isEmpty()) {
      return;
    }
    LOG.info(
        () -> "Asking " + missedEvents.size() + " sockets to reconnect and catch up: " + reason);
    metrics.askedToCatchUp(reason, missedEvents.size());
    for (Connection connection : missedEvents) {
      connection.closeOn(
          closer,
          CloseReason.CloseCodes.SERVICE_RESTART,
          "Events may have been missed: reconnect and catch up");
    }
  }
}

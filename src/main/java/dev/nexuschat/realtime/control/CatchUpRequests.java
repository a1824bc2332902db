package dev.nexuschat.realtime.control;

import dev.nexuschat.platform.metrics.NexusMetrics;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Collection;
import java.util.logging.Logger;

/**
 * Sockets that may have missed events, and nothing will replay them: they are closed with 1012 so
 * their clients reconnect, wait for {@code ready} and catch up from history ({@code after=}), as
 * after any disconnect. Counted by reason on {@code /metrics}. On the closer executor: a close
 * waits for the container.
 */
@ApplicationScoped
public class CatchUpRequests {
  static final String RESUBSCRIBED = "resubscribed";
  static final String GAP = "gap";
  static final String PUBLISH_FAILED = "publish_failed";

  private static final Logger LOG = Logger.getLogger(CatchUpRequests.class.getName());

  @Inject NexusMetrics metrics;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService closer;

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

package dev.nexuschat.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The application's own metrics, in one place so that instrumenting a feature is one call here and
 * the names stay consistent. Served by Liberty's mpMetrics on {@code /metrics} in Prometheus format
 * (a {@code nexus.messages.posted} counter reads {@code nexus_messages_posted_total} there);
 * runtime metrics (JVM, threads, pools) come with the feature. See docs/OPERATIONS.md.
 */
@ApplicationScoped
public class NexusMetrics {
  static final String CONNECTED_SOCKETS = "nexus.connected.sockets";
  static final String MESSAGES_POSTED = "nexus.messages.posted";
  static final String DELIVERIES = "nexus.deliveries";
  static final String FAN_OUT = "nexus.fanout";
  static final String RATE_LIMITED = "nexus.ratelimit.rejections";
  static final String CLOSED_TOO_SLOW = "nexus.sockets.closed.too.slow";
  static final String GAPS_SKIPPED = "nexus.message.gaps.skipped";
  static final String ASKED_TO_CATCH_UP = "nexus.sockets.asked.to.catch.up";
  static final String PUBLISH_FAILURES = "nexus.fanout.publish.failures";
  static final String APPEND_BATCH = "nexus.append.batch.size";
  static final String LOCAL_DELIVERY_BACKLOG = "nexus.local.delivery.backlog";

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  /** The node's open WebSocket connections, read at scrape time. */
  public void connectedSockets(IntSupplier count) {
    registry.gauge(
        Metadata.builder()
            .withName(CONNECTED_SOCKETS)
            .withDescription("WebSocket connections open on this node")
            .build(),
        count,
        IntSupplier::getAsInt);
  }

  /** This node's own broadcasts waiting for its delivery thread, read at scrape time. */
  public void localDeliveryBacklog(IntSupplier count) {
    registry.gauge(
        Metadata.builder()
            .withName(LOCAL_DELIVERY_BACKLOG)
            .withDescription("Broadcasts of this node waiting for its delivery thread")
            .build(),
        count,
        IntSupplier::getAsInt);
  }

  /** One group commit of {@code messages} sends (PostgreSQL's append: room/control). */
  public void appendBatch(int messages) {
    registry
        .histogram(
            Metadata.builder()
                .withName(APPEND_BATCH)
                .withDescription("Messages appended per commit (group commit, PostgreSQL)")
                .withUnit(MetricUnits.NONE)
                .build())
        .update(messages);
  }

  public void messagePosted() {
    counter(MESSAGES_POSTED, "Messages stored (REST and WebSocket)").inc();
  }

  /**
   * One server event handed to {@code frames} local connections, {@code sinceCommit} after its
   * change committed (on whichever node: wall clocks, so keep nodes on NTP).
   */
  public void fannedOut(int frames, Duration sinceCommit) {
    counter(DELIVERIES, "Frames queued to WebSocket connections").inc(frames);
    Timer timer =
        registry.timer(
            Metadata.builder()
                .withName(FAN_OUT)
                .withDescription(
                    "From a change's commit to its frames being queued on this node's connections")
                .withUnit(MetricUnits.SECONDS)
                .build());
    timer.update(sinceCommit.isNegative() ? Duration.ZERO : sinceCommit);
  }

  /** A reader fell a whole queue behind and is being closed (1008). */
  public void socketClosedTooSlow() {
    counter(CLOSED_TOO_SLOW, "WebSocket connections closed (1008) for falling a whole queue behind")
        .inc();
  }

  public void messageGapSkipped() {
    counter(
            GAPS_SKIPPED,
            "Rooms' later messages released after waiting the whole hold for an earlier number")
        .inc();
  }

  /**
   * {@code sockets} closed with 1012 so their clients reconnect and catch up from history, because
   * of {@code reason}: "resubscribed" (open while this node heard nothing from Redis), "gap" (a
   * room's message never came within the hold) or "publish_failed" (another node could not publish
   * an event for them).
   */
  public void askedToCatchUp(String reason, int sockets) {
    registry
        .counter(
            Metadata.builder()
                .withName(ASKED_TO_CATCH_UP)
                .withDescription(
                    "WebSocket connections closed with 1012 to reconnect and catch up, by reason")
                .build(),
            new Tag("reason", reason))
        .inc(sockets);
  }

  /** An event this node could not publish to Redis: delivered on this node only, for now. */
  public void publishFailed() {
    counter(PUBLISH_FAILURES, "Events this node could not publish to Redis").inc();
  }

  /** A request or frame refused by the rate limit {@code bucket} ("login", "send", ...). */
  public void rateLimited(String bucket) {
    registry
        .counter(
            Metadata.builder()
                .withName(RATE_LIMITED)
                .withDescription("Requests and frames refused by a rate limit, by bucket")
                .build(),
            new Tag("bucket", bucket))
        .inc();
  }

  private Counter counter(String name, String description) {
    return registry.counter(Metadata.builder().withName(name).withDescription(description).build());
  }
}

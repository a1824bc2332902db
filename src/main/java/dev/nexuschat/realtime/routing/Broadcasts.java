package dev.nexuschat.realtime.routing;

import dev.nexuschat.platform.metrics.NexusMetrics;
import dev.nexuschat.realtime.cluster.ChannelSubscriptions;
import dev.nexuschat.realtime.cluster.Channels;
import dev.nexuschat.realtime.cluster.RedisPubSub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes broadcasts to every node. The publishing node delivers to its own connections in process;
 * with Redis, the broadcast is also published on the channels of its {@link Audience}, and each
 * other node delivers what it hears ({@link ChannelDeliveries}): neither Redis nor a node pays for
 * rooms it has no one in. If Redis fails, the node keeps serving its own connections; the
 * broadcasts it could not publish are announced once it can again, so that the other nodes'
 * recipients catch up.
 */
@ApplicationScoped
public class Broadcasts {
  private static final Logger LOG = Logger.getLogger(Broadcasts.class.getName());

  /** The event of a lost-publication notice: never a frame, see {@link ChannelDeliveries}. */
  static final String LOST = "nexus:lost";

  @Inject RedisPubSub pubSub;
  @Inject ChannelSubscriptions channels;
  @Inject OwnBroadcasts own;
  @Inject NexusMetrics metrics;

  private final LostPublications lost = new LostPublications();

  /**
   * Node to node, on the channels of a broadcast this node could not publish: its recipients
   * elsewhere missed it ({@code everyone}: too many were lost to name them).
   */
  public record LostNotice(String origin, boolean everyone) {}

  public void publish(Broadcast broadcast) {
    // This node's own connections in process, on the delivery thread: no round trip through
    // Redis, nothing waits for a publish that Redis is slow to take, and the caller does not wait
    // for the fan-out. The node skips its own publication when it hears it (ChannelDeliveries);
    // RoomOrders keeps each room's messages in order either way.
    own.deliver(broadcast);
    if (!pubSub.isConfigured()) {
      return;
    }
    try {
      pubSub.publish(broadcast.audience().channels(), broadcast.toWire(channels.nodeId()));
    } catch (RedisPubSub.PublishFailed e) {
      LOG.log(Level.FINE, "Redis publish failed: delivered on this node only", e);
      metrics.publishFailed();
      lost.add(broadcast);
    }
  }

  /**
   * Tells the other nodes of the broadcasts this node could not publish (a notice with the same
   * recipients, on the same channels), so that they ask those recipients to catch up. On a timer:
   * it waits until Redis takes publications again.
   */
  public void announceLost() {
    if (!pubSub.isConfigured()) {
      return;
    }
    List<Broadcast> unannounced = lost.take();
    if (unannounced != null && unannounced.isEmpty()) {
      return;
    }
    int announced = 0;
    try {
      if (unannounced == null) {
        pubSub.publish(List.of(Channels.SEVERAL_ROOMS), noticeOf(null).toWire(channels.nodeId()));
      } else {
        for (Broadcast broadcast : unannounced) {
          Broadcast notice = noticeOf(broadcast);
          pubSub.publish(notice.audience().channels(), notice.toWire(channels.nodeId()));
          announced++;
        }
      }
    } catch (RuntimeException e) {
      // Never out of a timer task: the scheduler would cancel it.
      LOG.log(
          e instanceof RedisPubSub.PublishFailed ? Level.FINE : Level.WARNING,
          "Lost events not announced yet: trying again",
          e);
      lost.putBack(unannounced == null ? null : unannounced.subList(announced, unannounced.size()));
    }
  }

  /** The notice of a lost {@code broadcast} (null: of too many to name): same recipients. */
  private Broadcast noticeOf(Broadcast broadcast) {
    String data = Broadcast.WIRE.toJson(new LostNotice(channels.nodeId(), broadcast == null));
    if (broadcast == null) {
      return Broadcast.to(Audience.rooms(List.of()), LOST, data);
    }
    Audience missed = broadcast.audience();
    return Broadcast.to(
        new Audience(missed.roomIds(), missed.userId(), null, missed.joiningUserIds(), null),
        LOST,
        data);
  }
}

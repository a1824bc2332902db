package dev.nexuschat.realtime.routing;

import dev.nexuschat.realtime.cluster.ChannelListener;
import dev.nexuschat.realtime.cluster.ChannelSubscriptions;
import dev.nexuschat.realtime.cluster.Channels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What this node hears from the other nodes (its own publications it has delivered already), by
 * channel: a broadcast for several rooms, for one room, or for one user, to deliver to the local
 * connections it is for; or a notice that another node could not publish an event, whose recipients
 * here then catch up.
 */
@ApplicationScoped
public class ChannelDeliveries implements ChannelListener {
  private static final Logger LOG = Logger.getLogger(ChannelDeliveries.class.getName());

  @Inject LocalDelivery delivery;
  @Inject LocalConnections local;
  @Inject ChannelSubscriptions channels;
  @Inject CatchUpRequests catchUp;
  @Inject RoomOrders orders;
  @Inject UnheardTypists typists;

  @Override
  public void heard(String channel, String payload) {
    if (Broadcast.isFrom(payload, channels.nodeId())) {
      return; // delivered in process when it was published (Broadcasts)
    }
    try {
      Broadcast broadcast = Broadcast.fromWire(payload);
      UUID room;
      UUID user;
      if (Broadcasts.LOST.equals(broadcast.event())) {
        lostElsewhere(broadcast);
      } else if (channel.equals(Channels.SEVERAL_ROOMS)) {
        delivery.deliver(broadcast);
      } else if ((room = Channels.roomOf(channel)) != null) {
        delivery.deliverFromRoomChannel(room, broadcast);
        typists.heard(broadcast);
      } else if ((user = Channels.userOf(channel)) != null) {
        delivery.deliverFromUserChannel(user, broadcast);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Dropped an undeliverable broadcast", e);
    }
  }

  /** Open while this node heard nothing from Redis: they may have missed anything. */
  @Override
  public void resubscribed() {
    orders.restartAll();
    catchUp.ask(local.all(), CatchUpRequests.RESUBSCRIBED);
  }

  /** Another node could not publish an event for some of this node's sockets: they catch up. */
  private void lostElsewhere(Broadcast notice) {
    Broadcasts.LostNotice lostNotice =
        Broadcast.WIRE.fromJson(notice.data(), Broadcasts.LostNotice.class);
    if (channels.nodeId().equals(lostNotice.origin())) {
      return; // delivered here when the publish failed
    }
    catchUp.ask(
        lostNotice.everyone() ? local.all() : local.recipientsOf(notice.audience()),
        CatchUpRequests.PUBLISH_FAILED);
  }
}

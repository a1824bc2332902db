package dev.nexuschat.realtime.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPubSub;

/**
 * The Redis channels this node listens on, kept equal to what its connections need: one per room it
 * has a connection in ({@code nexus:room:<id>}) and one per user it has a connection of ({@code
 * nexus:user:<id>}, for events to one user and for a user joining a room this node does not follow
 * yet). So a node hears the events of its own rooms only, and the cost of an event is paid by the
 * nodes that deliver it; only events for several rooms at once come to every node, once, on {@link
 * #SEVERAL_ROOMS}. A node channel of its own keeps the subscription open while the node follows
 * nothing.
 *
 * <p>Changes are sent on the live subscription as they happen; while there is none (Redis away),
 * they are only remembered, and the next subscription starts from the whole set.
 */
@ApplicationScoped
public class FanOutChannels {
  static final String ROOM_PREFIX = "nexus:room:";
  static final String USER_PREFIX = "nexus:user:";

  /**
   * Every node's: a broadcast to several rooms (presence, profile changes of a user in R rooms)
   * comes once on this channel, not once per room, and each node reaches its recipients in one
   * pass.
   */
  static final String SEVERAL_ROOMS = "nexus:rooms:several";

  private static final Logger LOG = Logger.getLogger(FanOutChannels.class.getName());

  private final String nodeChannel = "nexus:node:" + UUID.randomUUID();
  private final Set<String> wanted = new HashSet<>();
  private JedisPubSub live;
  private Set<String> sentWithSubscribe = Set.of();
  private boolean confirmed;

  static String ofRoom(UUID roomId) {
    return ROOM_PREFIX + roomId;
  }

  static String ofUser(UUID userId) {
    return USER_PREFIX + userId;
  }

  synchronized void follow(String channel) {
    if (wanted.add(channel) && confirmed) {
      send(() -> live.subscribe(channel));
    }
  }

  synchronized void drop(String channel) {
    if (wanted.remove(channel) && confirmed) {
      send(() -> live.unsubscribe(channel));
    }
  }

  /**
   * The channels a new subscription starts with; it becomes the one changes go to once confirmed.
   */
  synchronized String[] attach(JedisPubSub subscription) {
    live = subscription;
    confirmed = false;
    sentWithSubscribe = Set.copyOf(wanted);
    List<String> channels = new ArrayList<>(wanted);
    channels.add(nodeChannel);
    channels.add(SEVERAL_ROOMS);
    return channels.toArray(String[]::new);
  }

  /** Redis confirmed {@code subscription}: catch up with what changed while it was being set up. */
  synchronized void confirmed(JedisPubSub subscription) {
    if (live != subscription || confirmed) {
      return;
    }
    confirmed = true;
    List<String> added = wanted.stream().filter(c -> !sentWithSubscribe.contains(c)).toList();
    List<String> removed = sentWithSubscribe.stream().filter(c -> !wanted.contains(c)).toList();
    if (!added.isEmpty()) {
      send(() -> live.subscribe(added.toArray(String[]::new)));
    }
    if (!removed.isEmpty()) {
      send(() -> live.unsubscribe(removed.toArray(String[]::new)));
    }
  }

  synchronized void detach(JedisPubSub subscription) {
    if (live == subscription) {
      live = null;
      confirmed = false;
    }
  }

  /** A failed write means the subscription is dying: its loop reconnects and resubscribes all. */
  private static void send(Runnable command) {
    try {
      command.run();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Subscription change not sent; the next subscription carries it", e);
    }
  }
}

package dev.nexuschat.realtime.control;

import dev.nexuschat.auth.control.SessionRevocations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>Changes are sent on the live subscription as they happen, batched; while there is none (Redis
 * away), they are only remembered, and the next subscription starts from the whole set.
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

  /** What the live subscription was asked for: its initial channels and every change sent. */
  private final Set<String> sent = new HashSet<>();

  /** Channels whose wanted and sent state may differ: the next flush's work. */
  private final Set<String> pending = new LinkedHashSet<>();

  private final AtomicBoolean flushing = new AtomicBoolean();
  private JedisPubSub live;
  private boolean confirmed;

  static String ofRoom(UUID roomId) {
    return ROOM_PREFIX + roomId;
  }

  static String ofUser(UUID userId) {
    return USER_PREFIX + userId;
  }

  void follow(String channel) {
    synchronized (this) {
      if (!wanted.add(channel) || !confirmed) {
        return;
      }
      pending.add(channel);
    }
    flush();
  }

  void drop(String channel) {
    synchronized (this) {
      if (!wanted.remove(channel) || !confirmed) {
        return;
      }
      pending.add(channel);
    }
    flush();
  }

  /**
   * The channels a new subscription starts with; it becomes the one changes go to once confirmed.
   */
  synchronized String[] attach(JedisPubSub subscription) {
    live = subscription;
    confirmed = false;
    pending.clear();
    sent.clear();
    sent.addAll(wanted);
    List<String> channels = new ArrayList<>(wanted);
    channels.add(nodeChannel);
    channels.add(SEVERAL_ROOMS);
    channels.add(SessionRevocations.CHANNEL);
    return channels.toArray(String[]::new);
  }

  /** Redis confirmed {@code subscription}: catch up with what changed while it was being set up. */
  void confirmed(JedisPubSub subscription) {
    synchronized (this) {
      if (live != subscription || confirmed) {
        return;
      }
      confirmed = true;
      wanted.stream().filter(c -> !sent.contains(c)).forEach(pending::add);
      sent.stream().filter(c -> !wanted.contains(c)).forEach(pending::add);
    }
    flush();
  }

  synchronized void detach(JedisPubSub subscription) {
    if (live == subscription) {
      live = null;
      confirmed = false;
    }
  }

  /**
   * Sends the pending changes, many channels per SUBSCRIBE/UNSUBSCRIBE, from one thread at a time
   * (the subscription's connection takes one writer): when 1000 sockets open at once, their threads
   * only note their channels and go on, instead of queueing on a monitor for one Redis write each.
   * The caller that finds a flush running leaves its change to that flush, which looks again after
   * it lets go.
   */
  private void flush() {
    while (flushing.compareAndSet(false, true)) {
      try {
        List<String> subscribe = new ArrayList<>();
        List<String> unsubscribe = new ArrayList<>();
        JedisPubSub target;
        synchronized (this) {
          if (!confirmed) {
            return; // the next subscription starts from the whole set
          }
          target = live;
          for (String channel : pending) {
            if (wanted.contains(channel) && sent.add(channel)) {
              subscribe.add(channel);
            } else if (!wanted.contains(channel) && sent.remove(channel)) {
              unsubscribe.add(channel);
            }
          }
          pending.clear();
        }
        if (!subscribe.isEmpty()) {
          send(() -> target.subscribe(subscribe.toArray(String[]::new)));
        }
        if (!unsubscribe.isEmpty()) {
          send(() -> target.unsubscribe(unsubscribe.toArray(String[]::new)));
        }
      } finally {
        flushing.set(false);
      }
      synchronized (this) {
        if (pending.isEmpty()) {
          return;
        }
      }
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

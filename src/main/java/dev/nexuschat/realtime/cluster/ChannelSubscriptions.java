package dev.nexuschat.realtime.cluster;

import dev.nexuschat.auth.control.SessionRevocations;
import dev.nexuschat.realtime.cluster.ChannelWaiters.Waiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * Channels#SEVERAL_ROOMS}. A node channel of its own keeps the subscription open while the node
 * follows nothing.
 *
 * <p>Changes are sent on the live subscription as they happen, batched; while there is none (Redis
 * away), they are only remembered, and the next subscription starts from the whole set.
 *
 * <p>A channel is <em>heard</em> once Redis confirmed the subscription to it: only from then on are
 * its publications delivered here. {@link #whenHeard} is how a new socket waits for that before it
 * is told where its live stream starts.
 */
@ApplicationScoped
public class ChannelSubscriptions {
  private static final Logger LOG = Logger.getLogger(ChannelSubscriptions.class.getName());

  private static final String NODE_PREFIX = "nexus:node:";

  private final String nodeChannel = NODE_PREFIX + UUID.randomUUID();
  private final Set<String> wanted = new HashSet<>();

  /** What the live subscription was asked for: its initial channels and every change sent. */
  private final Set<String> sent = new HashSet<>();

  /** Channels whose wanted and sent state may differ: the next flush's work. */
  private final Set<String> pending = new LinkedHashSet<>();

  private final UnconfirmedSubscribes unconfirmed = new UnconfirmedSubscribes();
  private final ChannelWaiters waiters = new ChannelWaiters();

  private final AtomicBoolean flushing = new AtomicBoolean();
  private JedisPubSub live;
  private boolean confirmed;

  public void follow(String channel) {
    synchronized (this) {
      if (!wanted.add(channel) || !confirmed) {
        return;
      }
      pending.add(channel);
    }
    flush();
  }

  public void drop(String channel) {
    List<Waiter> done;
    synchronized (this) {
      if (!wanted.remove(channel)) {
        return;
      }
      // Whoever waited for it left: nothing to wait for any more.
      done = waiters.release(channel);
      if (confirmed) {
        pending.add(channel);
      }
    }
    ChannelWaiters.complete(done);
    flush();
  }

  /**
   * Done once every channel of {@code channels} is heard: at once for channels heard already or no
   * longer wanted, and while there is no confirmed subscription (Redis away: the node delivers in
   * process, and asks every socket open meanwhile to reconnect once it hears Redis again, see
   * {@link RedisPubSub} and the routing's {@link ChannelListener}).
   */
  public synchronized CompletableFuture<Void> whenHeard(Collection<String> channels) {
    Waiter waiter = new Waiter();
    if (confirmed) {
      for (String channel : channels) {
        if (wanted.contains(channel) && !isHeard(channel)) {
          waiters.await(channel, waiter);
        }
      }
    }
    if (waiter.remaining == 0) {
      waiter.done.complete(null);
    }
    return waiter.done;
  }

  /** Redis confirmed the subscription of {@code subscription} to {@code channel}. */
  void heard(JedisPubSub subscription, String channel) {
    List<Waiter> done;
    synchronized (this) {
      if (live != subscription) {
        return;
      }
      if (!unconfirmed.confirm(channel) || !isHeard(channel)) {
        return;
      }
      done = waiters.release(channel);
    }
    ChannelWaiters.complete(done);
  }

  /**
   * A SUBSCRIBE unconfirmed for {@code limitNanos}: the subscription's Redis has stopped answering
   * (it would otherwise never be noticed: a subscription waits for messages without a timeout).
   */
  synchronized boolean hasUnconfirmedFor(long limitNanos) {
    return unconfirmed.anyOlderThan(limitNanos);
  }

  /** This node's id, in the notices it publishes (lost publications). */
  public String nodeId() {
    return nodeChannel.substring(NODE_PREFIX.length());
  }

  private boolean isHeard(String channel) {
    return sent.contains(channel) && !unconfirmed.awaits(channel);
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
    unconfirmed.restart(wanted);
    List<String> channels = new ArrayList<>(wanted);
    channels.add(nodeChannel);
    channels.add(Channels.SEVERAL_ROOMS);
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

  /** The subscription ended: nobody waits for it any more (see {@link #whenHeard}). */
  void detach(JedisPubSub subscription) {
    List<Waiter> done;
    synchronized (this) {
      if (live != subscription) {
        return;
      }
      live = null;
      confirmed = false;
      unconfirmed.clear();
      done = waiters.releaseAll();
    }
    ChannelWaiters.complete(done);
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
              unconfirmed.sent(channel);
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

package dev.nexuschat.realtime.control;

import dev.nexuschat.auth.control.SessionRevocations;
import dev.nexuschat.platform.metrics.NexusMetrics;
import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Carries broadcasts to every node. With {@code NEXUS_REDIS_URL}, a broadcast is published on the
 * channel of the room it is for (and of each user it is for or who joins), or, when it is for
 * several rooms, once on a channel every node hears; otherwise only nodes with connections there
 * listen (see {@link FanOutChannels}): neither Redis nor a node pays for rooms it has no one in.
 * Without Redis, delivery is in process (one node). If Redis fails, the node keeps serving its own
 * connections in process and resubscribes, with backoff, on its own; then it asks the sockets that
 * were open meanwhile to reconnect and catch up. Session revocations ({@link
 * SessionRevocations#CHANNEL}) come on the same subscription, to every node.
 */
@ApplicationScoped
public class EventBus {
  /** One round trip for a broadcast that goes to several channels, published in one order. */
  private static final String PUBLISH_ALL =
      """
      for _, channel in ipairs(KEYS) do
        redis.call('PUBLISH', channel, ARGV[1])
      end
      return #KEYS""";

  private static final Logger LOG = Logger.getLogger(EventBus.class.getName());

  /** Resubscribe backoff: quick after a blip, at most every 5 s while Redis stays away. */
  private static final long FIRST_RETRY_MILLIS = 100;

  private static final long MAX_RETRY_MILLIS = 5000;

  /** Node-to-node format: record component names as they are, so records round-trip exactly. */
  private static final Jsonb WIRE = JsonbBuilder.create();

  @Inject RedisConnection redis;
  @Inject LocalConnections local;
  @Inject FanOutChannels channels;
  @Inject TypingIndicators typing;
  @Inject SessionRevocations revocations;
  @Inject CatchUpRequests catchUp;
  @Inject NexusMetrics metrics;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private final LostPublications lost = new LostPublications();
  private volatile boolean subscribed;
  private volatile boolean stopping;
  private volatile JedisPubSub subscription;
  private volatile Connection subscriberConnection;

  /**
   * A subscription given up on (see {@link #checkSubscription}): whatever it still hears is not.
   */
  private volatile JedisPubSub abandoned;

  private Thread subscriber;

  /**
   * Node to node, on the channels of a broadcast this node could not publish: its recipients
   * elsewhere missed it ({@code everyone}: too many were lost to name them).
   */
  public record LostNotice(String origin, boolean everyone) {}

  private static final String LOST = "nexus:lost";

  /** Started eagerly by {@link RealtimeLifecycle}. */
  synchronized void start() {
    if (redis.client().isEmpty() || subscriber != null) {
      return;
    }
    subscriber = threads.newThread(this::subscribeUntilStopped);
    subscriber.setName("nexus-event-subscriber");
    subscriber.start();
  }

  public void publish(Broadcast broadcast) {
    if (redis.client().isEmpty()) {
      local.deliver(broadcast);
      return;
    }
    try {
      publishTo(channelsOf(broadcast), broadcast);
      if (!subscribed) {
        // Redis takes publications but we are not (yet, again) hearing them: serve our own.
        local.deliver(broadcast);
      }
    } catch (JedisException e) {
      LOG.log(Level.FINE, "Redis publish failed: delivering on this node only", e);
      metrics.publishFailed();
      lost.add(broadcast);
      local.deliver(broadcast);
    }
  }

  /**
   * Tells the other nodes of the broadcasts this node could not publish (a notice with the same
   * recipients, on the same channels), so that they ask those recipients to catch up. On a timer:
   * it waits until Redis takes publications again.
   */
  void announceLost() {
    if (redis.client().isEmpty()) {
      return;
    }
    List<Broadcast> unannounced = lost.take();
    if (unannounced != null && unannounced.isEmpty()) {
      return;
    }
    int announced = 0;
    try {
      if (unannounced == null) {
        redis.client().get().publish(FanOutChannels.SEVERAL_ROOMS, WIRE.toJson(noticeOf(null)));
      } else {
        for (Broadcast broadcast : unannounced) {
          publishTo(channelsOf(broadcast), noticeOf(broadcast));
          announced++;
        }
      }
    } catch (RuntimeException e) {
      // Never out of a timer task: the scheduler would cancel it.
      LOG.log(
          e instanceof JedisException ? Level.FINE : Level.WARNING,
          "Lost events not announced yet: trying again",
          e);
      lost.putBack(unannounced == null ? null : unannounced.subList(announced, unannounced.size()));
    }
  }

  /** The notice of a lost {@code broadcast} (null: of too many to name): same recipients. */
  private Broadcast noticeOf(Broadcast broadcast) {
    String data = WIRE.toJson(new LostNotice(channels.nodeId(), broadcast == null));
    if (broadcast == null) {
      return Broadcast.toRooms(List.of(), LOST, data);
    }
    return new Broadcast(
        LOST,
        data,
        broadcast.roomIds(),
        broadcast.userId(),
        null,
        0,
        broadcast.joiningUserIds(),
        null,
        System.currentTimeMillis(),
        null);
  }

  private void publishTo(List<String> targets, Broadcast broadcast) {
    String payload = WIRE.toJson(broadcast);
    if (targets.size() == 1) {
      redis.client().get().publish(targets.get(0), payload);
    } else {
      redis.client().get().eval(PUBLISH_ALL, targets, List.of(payload));
    }
  }

  /** Another node could not publish an event for some of this node's sockets: they catch up. */
  private void lostElsewhere(Broadcast notice) {
    LostNotice lostNotice = WIRE.fromJson(notice.data(), LostNotice.class);
    if (channels.nodeId().equals(lostNotice.origin())) {
      return; // delivered here when the publish failed
    }
    catchUp.ask(
        lostNotice.everyone() ? local.all() : local.recipientsOf(notice),
        CatchUpRequests.PUBLISH_FAILED);
  }

  /**
   * Closes the subscription's connection when Redis left a SUBSCRIBE unconfirmed for its timeout: a
   * subscription waits for messages without one, so a Redis that stopped answering would go
   * unnoticed, and new sockets would wait for their channels; the loop then subscribes anew (and
   * every socket open meanwhile catches up). On a timer.
   */
  void checkSubscription() {
    Connection connection = subscriberConnection;
    JedisPubSub stuck = subscription;
    if (connection == null
        || stuck == abandoned
        || !channels.hasUnconfirmedFor(redis.timeout().toNanos())) {
      return;
    }
    LOG.warning("Redis did not confirm a subscription in time: subscribing anew");
    // At once, not when the subscriber's read notices: the sockets waiting for their channels go
    // ready now (served in process, asked to catch up once Redis is heard again).
    abandoned = stuck;
    subscribed = false;
    channels.detach(stuck);
    try {
      connection.disconnect();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Cutting the subscription failed; its read fails by itself", e);
    }
  }

  private static List<String> channelsOf(Broadcast broadcast) {
    if (broadcast.userId() != null) {
      return List.of(FanOutChannels.ofUser(broadcast.userId()));
    }
    if (broadcast.roomIds().size() > 1) {
      // Once for every node, not once per room: a node would hear R copies and have to find, per
      // copy and connection, whether an earlier room already reached it. Joiners' nodes hear it
      // too.
      return List.of(FanOutChannels.SEVERAL_ROOMS);
    }
    List<String> targets = new ArrayList<>();
    broadcast.roomIds().forEach(room -> targets.add(FanOutChannels.ofRoom(room)));
    // A joiner's node may not follow the room yet: it hears of the join on the user's channel.
    broadcast.joiningUserIds().forEach(user -> targets.add(FanOutChannels.ofUser(user)));
    return targets;
  }

  public boolean isSubscribed() {
    return subscribed;
  }

  private void subscribeUntilStopped() {
    long[] retryMillis = {FIRST_RETRY_MILLIS};
    while (!stopping) {
      JedisPubSub pubSub =
          new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
              if (this == abandoned) {
                return;
              }
              channels.heard(this, channel);
              if (!subscribed) {
                subscribed = true;
                retryMillis[0] = FIRST_RETRY_MILLIS;
                channels.confirmed(this);
                LOG.info("Subscribed to the fan-out channels (" + count + ")");
                revocations.resync();
                // Open while this node heard nothing from Redis: what other nodes published
                // meanwhile reached them by no path.
                catchUp.ask(local.all(), CatchUpRequests.RESUBSCRIBED);
              }
            }

            @Override
            public void onMessage(String channel, String message) {
              if (this == abandoned) {
                return; // this node delivers in process meanwhile
              }
              if (channel.equals(SessionRevocations.CHANNEL)) {
                revocations.heard(message);
                return;
              }
              try {
                Broadcast broadcast = WIRE.fromJson(message, Broadcast.class);
                if (LOST.equals(broadcast.event())) {
                  lostElsewhere(broadcast);
                } else if (channel.equals(FanOutChannels.SEVERAL_ROOMS)) {
                  local.deliver(broadcast);
                } else if (channel.startsWith(FanOutChannels.ROOM_PREFIX)) {
                  local.deliverFromRoomChannel(
                      UUID.fromString(channel.substring(FanOutChannels.ROOM_PREFIX.length())),
                      broadcast);
                  typing.heard(broadcast);
                } else if (channel.startsWith(FanOutChannels.USER_PREFIX)) {
                  local.deliverFromUserChannel(
                      UUID.fromString(channel.substring(FanOutChannels.USER_PREFIX.length())),
                      broadcast);
                }
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Dropped an undeliverable broadcast", e);
              }
            }
          };
      subscription = pubSub;
      // A connection of its own, so that checkSubscription can cut it.
      try (Connection connection = redis.client().get().getPool().getResource()) {
        subscriberConnection = connection;
        pubSub.proceed(connection, channels.attach(pubSub));
      } catch (RuntimeException e) {
        if (!stopping) {
          LOG.log(Level.WARNING, "Redis subscription lost; retrying: " + e.getMessage());
        }
      } finally {
        subscriberConnection = null;
        subscribed = false;
        channels.detach(pubSub);
      }
      if (!stopping) {
        try {
          Thread.sleep(retryMillis[0]);
          retryMillis[0] = Math.min(MAX_RETRY_MILLIS, retryMillis[0] * 2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
    JedisPubSub pubSub = subscription;
    if (pubSub != null && pubSub.isSubscribed()) {
      try {
        pubSub.unsubscribe();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Unsubscribe failed", e);
      }
    }
    if (subscriber != null) {
      subscriber.interrupt();
    }
  }
}

package dev.nexuschat.realtime.control;

import dev.nexuschat.auth.control.SessionRevocations;
import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
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

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService closer;

  private volatile boolean subscribed;
  private volatile boolean stopping;
  private volatile JedisPubSub subscription;
  private Thread subscriber;

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
      List<String> targets = channelsOf(broadcast);
      if (targets.size() == 1) {
        redis.client().get().publish(targets.get(0), WIRE.toJson(broadcast));
      } else {
        redis.client().get().eval(PUBLISH_ALL, targets, List.of(WIRE.toJson(broadcast)));
      }
      if (!subscribed) {
        // Redis takes publications but we are not (yet, again) hearing them: serve our own.
        local.deliver(broadcast);
      }
    } catch (JedisException e) {
      LOG.log(Level.FINE, "Redis publish failed: delivering on this node only", e);
      local.deliver(broadcast);
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
              channels.heard(this, channel);
              if (!subscribed) {
                subscribed = true;
                retryMillis[0] = FIRST_RETRY_MILLIS;
                channels.confirmed(this);
                LOG.info("Subscribed to the fan-out channels (" + count + ")");
                revocations.resync();
                askToCatchUp(local.all());
              }
            }

            @Override
            public void onMessage(String channel, String message) {
              if (channel.equals(SessionRevocations.CHANNEL)) {
                revocations.heard(message);
                return;
              }
              try {
                Broadcast broadcast = WIRE.fromJson(message, Broadcast.class);
                if (channel.equals(FanOutChannels.SEVERAL_ROOMS)) {
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
      try {
        redis.client().get().subscribe(pubSub, channels.attach(pubSub));
      } catch (RuntimeException e) {
        if (!stopping) {
          LOG.log(Level.WARNING, "Redis subscription lost; retrying: " + e.getMessage());
        }
      } finally {
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

  /**
   * Sockets that were open while this node heard nothing from Redis missed what other nodes
   * published meanwhile, and nothing replays it: they are closed with 1012 so their clients
   * reconnect and catch up from history (`after=`), as after any disconnect. On the closer
   * executor: a close waits for the container, and this runs on the subscriber thread.
   */
  private void askToCatchUp(List<Connection> missedEvents) {
    if (missedEvents.isEmpty()) {
      return;
    }
    LOG.info(
        "Asking " + missedEvents.size() + " sockets to reconnect: they were open without fan-out");
    for (Connection connection : missedEvents) {
      connection.closeOn(
          closer,
          CloseReason.CloseCodes.SERVICE_RESTART,
          "Events may have been missed: reconnect and catch up");
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

package dev.nexuschat.realtime.cluster;

import dev.nexuschat.auth.control.SessionRevocations;
import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis pub/sub between the nodes, with {@code NEXUS_REDIS_URL}: publishes a payload on channels,
 * and hands every publication heard on this node's channels ({@link ChannelSubscriptions}) to the
 * {@link ChannelListener}, as {@code (channel, payload)}. If Redis fails, the subscription comes
 * back on its own, with backoff, and the listener hears that it did. Session revocations ({@link
 * SessionRevocations#CHANNEL}) come on the same subscription, to every node.
 */
@ApplicationScoped
public class RedisPubSub {
  /** One round trip for a payload that goes to several channels, published in one order. */
  private static final String PUBLISH_ALL =
      """
      for _, channel in ipairs(KEYS) do
        redis.call('PUBLISH', channel, ARGV[1])
      end
      return #KEYS""";

  private static final Logger LOG = Logger.getLogger(RedisPubSub.class.getName());

  /** Resubscribe backoff: quick after a blip, at most every 5 s while Redis stays away. */
  private static final long FIRST_RETRY_MILLIS = 100;

  private static final long MAX_RETRY_MILLIS = 5000;

  @Inject RedisConnection redis;
  @Inject ChannelSubscriptions channels;
  @Inject ChannelListener listener;
  @Inject SessionRevocations revocations;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private volatile boolean subscribed;
  private volatile boolean stopping;
  private volatile JedisPubSub subscription;
  private volatile Connection subscriberConnection;

  /**
   * A subscription given up on (see {@link #checkSubscription}): whatever it still hears is not.
   */
  private volatile JedisPubSub abandoned;

  private Thread subscriber;

  /** Started eagerly, at application start. */
  public synchronized void start() {
    if (redis.client().isEmpty() || subscriber != null) {
      return;
    }
    subscriber = threads.newThread(this::subscribeUntilStopped);
    subscriber.setName("nexus-event-subscriber");
    subscriber.start();
  }

  /** False without {@code NEXUS_REDIS_URL}: one node, delivering in process. */
  public boolean isConfigured() {
    return redis.client().isPresent();
  }

  /** True while this node hears what the others publish. */
  public boolean isSubscribed() {
    return subscribed;
  }

  /** Redis did not take a publication. */
  public static final class PublishFailed extends RuntimeException {
    PublishFailed(JedisException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Publishes {@code payload} on {@code targets} in one round trip, or throws PublishFailed. */
  public void publish(List<String> targets, String payload) {
    try {
      if (targets.size() == 1) {
        redis.client().get().publish(targets.get(0), payload);
      } else {
        redis.client().get().eval(PUBLISH_ALL, targets, List.of(payload));
      }
    } catch (JedisException e) {
      throw new PublishFailed(e);
    }
  }

  /**
   * Closes the subscription's connection when Redis left a SUBSCRIBE unconfirmed for its timeout: a
   * subscription waits for messages without one, so a Redis that stopped answering would go
   * unnoticed, and new sockets would wait for their channels; the loop then subscribes anew (and
   * every socket open meanwhile catches up). On a timer.
   */
  public void checkSubscription() {
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
                listener.resubscribed();
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
              listener.heard(channel, message);
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

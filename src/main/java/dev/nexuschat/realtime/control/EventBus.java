package dev.nexuschat.realtime.control;

import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Carries broadcasts to every node. With {@code NEXUS_REDIS_URL}, each broadcast is published on
 * one Redis channel that every node subscribes to; a node hands it to its own connections through
 * the room index, so a node's cost per event is its local recipients, whatever the number of
 * rooms. Without Redis, delivery is in process (one node). If Redis fails, the node keeps serving
 * its own connections in process and resubscribes, with backoff, on its own.
 */
@ApplicationScoped
public class EventBus {
  static final String CHANNEL = "nexus:events";
  private static final Logger LOG = Logger.getLogger(EventBus.class.getName());
  /** Resubscribe backoff: quick after a blip, at most every 5 s while Redis stays away. */
  private static final long FIRST_RETRY_MILLIS = 100;
  private static final long MAX_RETRY_MILLIS = 5000;
  /** Node-to-node format: record component names as they are, so records round-trip exactly. */
  private static final Jsonb WIRE = JsonbBuilder.create();

  @Inject RedisConnection redis;
  @Inject LocalConnections local;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

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
      redis.client().get().publish(CHANNEL, WIRE.toJson(broadcast));
      if (!subscribed) {
        // Redis takes publications but we are not (yet, again) hearing them: serve our own.
        local.deliver(broadcast);
      }
    } catch (JedisException e) {
      LOG.log(Level.FINE, "Redis publish failed: delivering on this node only", e);
      local.deliver(broadcast);
    }
  }

  public boolean isSubscribed() {
    return subscribed;
  }

  private void subscribeUntilStopped() {
    long[] retryMillis = {FIRST_RETRY_MILLIS};
    while (!stopping) {
      JedisPubSub pubSub = new JedisPubSub() {
        @Override
        public void onSubscribe(String channel, int count) {
          subscribed = true;
          retryMillis[0] = FIRST_RETRY_MILLIS;
          LOG.info("Subscribed to " + CHANNEL);
        }

        @Override
        public void onMessage(String channel, String message) {
          try {
            local.deliver(WIRE.fromJson(message, Broadcast.class));
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dropped an undeliverable broadcast", e);
          }
        }
      };
      subscription = pubSub;
      try {
        redis.client().get().subscribe(pubSub, CHANNEL);
      } catch (RuntimeException e) {
        if (!stopping) {
          LOG.log(Level.WARNING, "Redis subscription lost; retrying: " + e.getMessage());
        }
      } finally {
        subscribed = false;
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

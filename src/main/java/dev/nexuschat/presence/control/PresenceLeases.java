package dev.nexuschat.presence.control;

import dev.nexuschat.platform.redis.OutageLog;
import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The nodes' leases on users in Redis. {@code nexus:presence:<user>} is a sorted set of the nodes
 * holding the user's connections, each scored by the expiry of its lease; a node renews its leases
 * every third of the TTL, so the user is online while one lease is live. {@code
 * nexus:presence:leases} lists every lease by expiry so any node can reap the leases of a crashed
 * node. Every operation tells its caller when Redis is not there, so the caller falls back to what
 * this node knows.
 *
 * <p>This class takes, releases and reads the lease on one user as connections come and go; {@link
 * LeaseUpkeep} renews all of this node's leases and reaps the expired ones of any node.
 */
@ApplicationScoped
public class PresenceLeases {
  static final String KEY_PREFIX = "nexus:presence:";
  static final String LEASES = "nexus:presence:leases";
  private static final OutageLog OUTAGE =
      new OutageLog(
          Logger.getLogger(PresenceLeases.class.getName()),
          "answering presence from this node's connections only");

  private static final String REGISTER =
      """
      local live = redis.call('ZCOUNT', KEYS[1], ARGV[1], '+inf')
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
      redis.call('PEXPIRE', KEYS[1], ARGV[4])
      redis.call('ZADD', KEYS[2], ARGV[2], ARGV[5])
      return live""";
  private static final String UNREGISTER =
      """
      redis.call('ZREM', KEYS[1], ARGV[2])
      redis.call('ZREM', KEYS[2], ARGV[3])
      return redis.call('ZCOUNT', KEYS[1], ARGV[1], '+inf')""";
  private static final String COUNT_LIVE =
      """
      local counts = {}
      for i, key in ipairs(KEYS) do
        counts[i] = redis.call('ZCOUNT', key, ARGV[1], '+inf')
      end
      return counts""";

  @Inject RedisConnection redis;

  @Inject
  @ConfigProperty(name = "NEXUS_PRESENCE_TTL_MS", defaultValue = "30000")
  long ttlMillis;

  private final String nodeId = UUID.randomUUID().toString();

  public boolean isShared() {
    return redis.isConfigured();
  }

  long ttlMillis() {
    return ttlMillis;
  }

  /** Names this node's leases: its connections' users are online while this node renews them. */
  String nodeId() {
    return nodeId;
  }

  /** The users among {@code ids} with a live lease on any node; empty when Redis cannot say. */
  Optional<Set<UUID>> liveAmong(List<UUID> ids) {
    if (redis.client().isEmpty()) {
      return Optional.empty();
    }
    try {
      List<?> counts =
          (List<?>)
              redis
                  .client()
                  .get()
                  .eval(
                      COUNT_LIVE,
                      ids.stream().map(id -> KEY_PREFIX + id).toList(),
                      List.of(Long.toString(nowMillis())));
      OUTAGE.succeeded();
      Set<UUID> live = new HashSet<>();
      for (int i = 0; i < ids.size(); i++) {
        if (((Number) counts.get(i)).longValue() > 0) {
          live.add(ids.get(i));
        }
      }
      return Optional.of(live);
    } catch (JedisException e) {
      OUTAGE.failed(e);
      return Optional.empty();
    }
  }

  /** Takes this node's lease on {@code userId}; true if another node already held a live one. */
  boolean takeAndCheckOthers(UUID userId) {
    return withRedis(
        client -> {
          long now = nowMillis();
          Object live =
              client.eval(
                  REGISTER,
                  List.of(KEY_PREFIX + userId, LEASES),
                  List.of(
                      Long.toString(now),
                      Long.toString(now + ttlMillis),
                      nodeId,
                      Long.toString(ttlMillis),
                      userId + "|" + nodeId));
          return ((Number) live).longValue() > 0;
        });
  }

  /** Gives up this node's lease on {@code userId}; true if another node still holds a live one. */
  boolean releaseAndCheckOthers(UUID userId) {
    return withRedis(
        client -> {
          Object live =
              client.eval(
                  UNREGISTER,
                  List.of(KEY_PREFIX + userId, LEASES),
                  List.of(Long.toString(nowMillis()), nodeId, userId + "|" + nodeId));
          return ((Number) live).longValue() > 0;
        });
  }

  /** False when Redis is not configured or not answering: then this node's view is all there is. */
  boolean withRedis(Predicate<RedisClient> call) {
    if (redis.client().isEmpty()) {
      return false;
    }
    try {
      boolean answer = call.test(redis.client().get());
      OUTAGE.succeeded();
      return answer;
    } catch (JedisException e) {
      OUTAGE.failed(e);
      return false;
    }
  }

  static long nowMillis() {
    return System.currentTimeMillis();
  }
}

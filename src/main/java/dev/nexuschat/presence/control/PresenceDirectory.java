package dev.nexuschat.presence.control;

import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Who is online: the one source for {@code is_online} in REST responses and for presence events.
 *
 * <p>With Redis, {@code nexus:presence:<user>} is a sorted set of the nodes holding the user's
 * connections, each scored by the expiry of its lease; a node renews its leases every third of the
 * TTL, so the user is online while one lease is live. {@code nexus:presence:leases} lists every
 * lease by expiry so any node can reap the leases of a crashed node and announce those users
 * offline. This node counts its own connections per user. Without Redis, the local counts alone.
 *
 * <p>A user whose last connection closes stays online for a grace period, so a page reload does
 * not flap them offline and back.
 */
@ApplicationScoped
public class PresenceDirectory {
  static final String KEY_PREFIX = "nexus:presence:";
  static final String LEASES = "nexus:presence:leases";
  private static final Logger LOG = Logger.getLogger(PresenceDirectory.class.getName());
  private static final int REAP_BATCH = 200;
  private static final int RENEW_BATCH = 500;

  private static final String REGISTER = """
      local live = redis.call('ZCOUNT', KEYS[1], ARGV[1], '+inf')
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
      redis.call('PEXPIRE', KEYS[1], ARGV[4])
      redis.call('ZADD', KEYS[2], ARGV[2], ARGV[5])
      return live""";
  private static final String UNREGISTER = """
      redis.call('ZREM', KEYS[1], ARGV[2])
      redis.call('ZREM', KEYS[2], ARGV[3])
      return redis.call('ZCOUNT', KEYS[1], ARGV[1], '+inf')""";
  private static final String RENEW = """
      for i = 5, #ARGV do
        local key = ARGV[4] .. ARGV[i]
        redis.call('ZADD', key, ARGV[1], ARGV[2])
        redis.call('PEXPIRE', key, ARGV[3])
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[i] .. '|' .. ARGV[2])
      end
      return 0""";
  private static final String REAP = """
      local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
      local gone = {}
      for _, lease in ipairs(expired) do
        redis.call('ZREM', KEYS[1], lease)
        local sep = string.find(lease, '|', 1, true)
        local user = string.sub(lease, 1, sep - 1)
        local key = ARGV[2] .. user
        redis.call('ZREM', key, string.sub(lease, sep + 1))
        if redis.call('ZCOUNT', key, ARGV[1], '+inf') == 0 then
          table.insert(gone, user)
        end
      end
      return gone""";
  private static final String COUNT_LIVE = """
      local counts = {}
      for i, key in ipairs(KEYS) do
        counts[i] = redis.call('ZCOUNT', key, ARGV[1], '+inf')
      end
      return counts""";

  @Inject RedisConnection redis;
  @Inject LastSeen lastSeen;
  @Inject Event<UserCameOnline> cameOnline;
  @Inject Event<UserWentOffline> wentOffline;

  @Inject
  @ConfigProperty(name = "NEXUS_PRESENCE_GRACE_MS", defaultValue = "5000")
  long graceMillis;

  @Inject
  @ConfigProperty(name = "NEXUS_PRESENCE_TTL_MS", defaultValue = "30000")
  long ttlMillis;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final String nodeId = UUID.randomUUID().toString();
  private final Map<UUID, Integer> localConnections = new HashMap<>();
  private final Map<UUID, ScheduledFuture<?>> pendingOffline = new HashMap<>();
  private final Map<UUID, String> usernames = new ConcurrentHashMap<>();
  private final List<ScheduledFuture<?>> timers = new ArrayList<>();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (redis.isConfigured()) {
      long renewEvery = Math.max(500, ttlMillis / 3);
      timers.add(scheduler.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS));
      long reapEvery = Math.min(2000, renewEvery);
      timers.add(scheduler.scheduleWithFixedDelay(this::reapExpiredLeases, reapEvery, reapEvery, TimeUnit.MILLISECONDS));
    }
  }

  @PreDestroy
  void stop() {
    timers.forEach(timer -> timer.cancel(false));
  }

  public boolean isOnline(UUID userId) {
    return onlineAmong(List.of(userId)).contains(userId);
  }

  public Set<UUID> onlineAmong(Collection<UUID> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    List<UUID> ids = new ArrayList<>(new HashSet<>(userIds));
    Set<UUID> online = new HashSet<>();
    if (redis.client().isPresent()) {
      try {
        List<?> counts = (List<?>) redis.client().get().eval(COUNT_LIVE,
            ids.stream().map(id -> KEY_PREFIX + id).toList(), List.of(Long.toString(nowMillis())));
        for (int i = 0; i < ids.size(); i++) {
          if (((Number) counts.get(i)).longValue() > 0) {
            online.add(ids.get(i));
          }
        }
        return online;
      } catch (JedisException e) {
        LOG.log(Level.WARNING, "Redis unavailable: presence from this node's connections only", e);
      }
    }
    synchronized (this) {
      for (UUID id : ids) {
        if (localConnections.containsKey(id) || pendingOffline.containsKey(id)) {
          online.add(id);
        }
      }
    }
    return online;
  }

  /** A connection of {@code userId} opened on this node. */
  public void connectionOpened(UUID userId, String username) {
    usernames.put(userId, username);
    boolean announce;
    synchronized (this) {
      int count = localConnections.merge(userId, 1, Integer::sum);
      ScheduledFuture<?> pending = pendingOffline.remove(userId);
      if (pending != null) {
        pending.cancel(false);
      }
      // Back within the grace period, or not the first connection here: nothing changed.
      announce = count == 1 && pending == null && !liveElsewhereThenRegister(userId);
    }
    if (announce) {
      cameOnline.fire(new UserCameOnline(userId, username));
    }
  }

  /** A connection of {@code userId} closed on this node. */
  public void connectionClosed(UUID userId) {
    synchronized (this) {
      Integer left = localConnections.computeIfPresent(userId, (id, n) -> n <= 1 ? null : n - 1);
      if (left != null || pendingOffline.containsKey(userId)) {
        return;
      }
      try {
        pendingOffline.put(userId, scheduler.schedule(() -> graceOver(userId), graceMillis, TimeUnit.MILLISECONDS));
      } catch (RejectedExecutionException shuttingDown) {
        // The node is stopping: its leases run out and another node announces the user offline.
      }
    }
  }

  private void graceOver(UUID userId) {
    boolean offline;
    synchronized (this) {
      if (pendingOffline.remove(userId) == null || localConnections.containsKey(userId)) {
        return;
      }
      offline = !liveElsewhereAfterUnregister(userId);
    }
    if (offline) {
      announceOffline(userId);
    }
  }

  private void announceOffline(UUID userId) {
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String username = lastSeen.record(userId, at).orElse(usernames.get(userId));
    usernames.remove(userId);
    if (username != null) {
      wentOffline.fire(new UserWentOffline(userId, username, at));
    }
  }

  private boolean liveElsewhereThenRegister(UUID userId) {
    return withRedis(client -> {
      long now = nowMillis();
      Object live = client.eval(REGISTER, List.of(KEY_PREFIX + userId, LEASES), List.of(
          Long.toString(now), Long.toString(now + ttlMillis), nodeId, Long.toString(ttlMillis),
          userId + "|" + nodeId));
      return ((Number) live).longValue() > 0;
    });
  }

  private boolean liveElsewhereAfterUnregister(UUID userId) {
    return withRedis(client -> {
      Object live = client.eval(UNREGISTER, List.of(KEY_PREFIX + userId, LEASES), List.of(
          Long.toString(nowMillis()), nodeId, userId + "|" + nodeId));
      return ((Number) live).longValue() > 0;
    });
  }

  private void renewLeases() {
    List<String> users;
    synchronized (this) {
      Set<UUID> held = new HashSet<>(localConnections.keySet());
      held.addAll(pendingOffline.keySet());
      users = held.stream().map(UUID::toString).toList();
    }
    long expiry = nowMillis() + ttlMillis;
    for (int from = 0; from < users.size(); from += RENEW_BATCH) {
      List<String> args = new ArrayList<>(List.of(
          Long.toString(expiry), nodeId, Long.toString(ttlMillis), KEY_PREFIX));
      args.addAll(users.subList(from, Math.min(users.size(), from + RENEW_BATCH)));
      withRedis(client -> client.eval(RENEW, List.of(LEASES), args) != null);
    }
  }

  private void reapExpiredLeases() {
    try {
      List<?> gone = (List<?>) redis.client().get().eval(REAP, List.of(LEASES),
          List.of(Long.toString(nowMillis()), KEY_PREFIX, Integer.toString(REAP_BATCH)));
      for (Object user : gone) {
        announceOffline(UUID.fromString(user.toString()));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Lease reaping skipped", e);
    }
  }

  /** False when Redis is not configured or not answering: then this node's view is all there is. */
  private boolean withRedis(java.util.function.Predicate<RedisClient> call) {
    if (redis.client().isEmpty()) {
      return false;
    }
    try {
      return call.test(redis.client().get());
    } catch (JedisException e) {
      LOG.log(Level.WARNING, "Redis unavailable: presence from this node's connections only", e);
      return false;
    }
  }

  private static long nowMillis() {
    return System.currentTimeMillis();
  }
}

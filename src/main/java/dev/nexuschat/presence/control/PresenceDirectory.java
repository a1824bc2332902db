package dev.nexuschat.presence.control;

import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Who is online: the one source for {@code is_online} in REST responses and for presence events.
 * With Redis, a user is online while a key {@code nexus:presence:<id>} exists (kept alive by the
 * nodes that hold the user's sockets); without it, by this node's own open connections.
 */
@ApplicationScoped
public class PresenceDirectory {
  static final String KEY_PREFIX = "nexus:presence:";
  private static final Logger LOG = Logger.getLogger(PresenceDirectory.class.getName());

  @Inject RedisConnection redis;

  private final ConcurrentHashMap<UUID, Integer> localConnections = new ConcurrentHashMap<>();

  public boolean isOnline(UUID userId) {
    return onlineAmong(List.of(userId)).contains(userId);
  }

  public Set<UUID> onlineAmong(Collection<UUID> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    if (redis.client().isEmpty()) {
      Set<UUID> online = new HashSet<>();
      for (UUID id : userIds) {
        if (localConnections.containsKey(id)) {
          online.add(id);
        }
      }
      return online;
    }
    List<UUID> ids = new ArrayList<>(userIds);
    try {
      List<String> values = redis.client().get()
          .mget(ids.stream().map(id -> KEY_PREFIX + id).toArray(String[]::new));
      Set<UUID> online = new HashSet<>();
      for (int i = 0; i < ids.size(); i++) {
        if (values.get(i) != null) {
          online.add(ids.get(i));
        }
      }
      return online;
    } catch (JedisException e) {
      LOG.log(Level.WARNING, "Redis unavailable: presence unknown, reporting offline", e);
      return Set.of();
    }
  }

  /** Single-node bookkeeping of open connections; the realtime transport calls these. */
  public void localConnectionOpened(UUID userId) {
    localConnections.merge(userId, 1, Integer::sum);
  }

  public void localConnectionClosed(UUID userId) {
    localConnections.computeIfPresent(userId, (id, n) -> n <= 1 ? null : n - 1);
  }
}

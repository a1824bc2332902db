package dev.nexuschat.presence.control;

import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The periodic side of {@link PresenceLeases}: renewing every lease this node holds before it runs
 * out, and reaping the expired leases of any node, so the users of a crashed node go offline. The
 * {@link PresenceDirectory} runs both on its timers.
 */
@ApplicationScoped
public class LeaseUpkeep {
  private static final Logger LOG = Logger.getLogger(LeaseUpkeep.class.getName());
  private static final int REAP_BATCH = 200;
  private static final int RENEW_BATCH = 500;

  // Extends only leases that are still there: a renewal from a snapshot taken before a release
  // must not bring the released lease back. Returns the users whose lease was gone.
  private static final String RENEW =
      """
      local missing = {}
      for i = 5, #ARGV do
        local key = ARGV[4] .. ARGV[i]
        if redis.call('ZSCORE', key, ARGV[2]) then
          redis.call('ZADD', key, ARGV[1], ARGV[2])
          redis.call('PEXPIRE', key, ARGV[3])
          redis.call('ZADD', KEYS[1], ARGV[1], ARGV[i] .. '|' .. ARGV[2])
        else
          table.insert(missing, ARGV[i])
        end
      end
      return missing""";
  private static final String REAP =
      """
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

  @Inject PresenceLeases leases;
  @Inject RedisConnection redis;

  /**
   * Extends this node's leases on {@code userIds} by a TTL; returns those of them whose lease was
   * gone (reaped after a stall, or lost with Redis's data), for the caller to take again.
   */
  List<UUID> renew(Collection<UUID> userIds) {
    List<String> users = userIds.stream().map(UUID::toString).toList();
    long ttlMillis = leases.ttlMillis();
    long expiry = PresenceLeases.nowMillis() + ttlMillis;
    List<UUID> missing = new ArrayList<>();
    for (int from = 0; from < users.size(); from += RENEW_BATCH) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  Long.toString(expiry),
                  leases.nodeId(),
                  Long.toString(ttlMillis),
                  PresenceLeases.KEY_PREFIX));
      args.addAll(users.subList(from, Math.min(users.size(), from + RENEW_BATCH)));
      leases.withRedis(
          client -> {
            List<?> gone = (List<?>) client.eval(RENEW, List.of(PresenceLeases.LEASES), args);
            gone.forEach(user -> missing.add(UUID.fromString(user.toString())));
            return true;
          });
    }
    return missing;
  }

  /** Removes expired leases of any node; returns the users left with no live lease. */
  List<UUID> reapExpired() {
    try {
      List<?> gone =
          (List<?>)
              redis
                  .client()
                  .get()
                  .eval(
                      REAP,
                      List.of(PresenceLeases.LEASES),
                      List.of(
                          Long.toString(PresenceLeases.nowMillis()),
                          PresenceLeases.KEY_PREFIX,
                          Integer.toString(REAP_BATCH)));
      return gone.stream().map(user -> UUID.fromString(user.toString())).toList();
    } catch (RuntimeException e) {
      // Redis away or not configured: the next round, or another node, reaps them.
      LOG.log(Level.FINE, "Lease reaping skipped", e);
      return List.of();
    }
  }
}

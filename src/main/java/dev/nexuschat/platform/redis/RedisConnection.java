package dev.nexuschat.platform.redis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * The node's pooled Redis client, present only when {@code NEXUS_REDIS_URL} is set. Without it
 * NexusChat runs as a single node and keeps presence, rate limits and fan-out in process.
 *
 * <p>Every call is bounded by {@code NEXUS_REDIS_TIMEOUT_MS}: connecting, each reply, and waiting
 * for a pooled connection (which Jedis would otherwise wait for forever), so a Redis that accepts
 * connections but never answers costs a caller that long, not its thread.
 */
@ApplicationScoped
public class RedisConnection {
  private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

  @Inject
  @ConfigProperty(name = "NEXUS_REDIS_URL")
  Optional<String> redisUrl;

  @Inject
  @ConfigProperty(name = "NEXUS_REDIS_TIMEOUT_MS", defaultValue = "2000")
  int timeoutMillis;

  @Inject
  @ConfigProperty(name = "NEXUS_REDIS_POOL_MAX", defaultValue = "16")
  int poolMax;

  private RedisClient client;

  @PostConstruct
  void connect() {
    redisUrl
        .filter(url -> !url.isBlank())
        .ifPresent(
            url -> {
              client = create(URI.create(url.trim()), timeoutMillis, poolMax);
              LOG.info(() -> "Using Redis at " + redacted(url));
            });
  }

  /** A client whose every wait is bounded by {@code timeoutMillis}. */
  public static RedisClient create(URI uri, int timeoutMillis, int poolMax) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(poolMax);
    pool.setMaxIdle(poolMax);
    pool.setMaxWait(Duration.ofMillis(timeoutMillis));
    // clientConfig first: fromURI adds the URI's credentials and database to it.
    return RedisClient.builder()
        .clientConfig(
            DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .build())
        .poolConfig(pool)
        .fromURI(uri)
        .build();
  }

  @PreDestroy
  void close() {
    if (client != null) {
      client.close();
    }
  }

  public Optional<RedisClient> client() {
    return Optional.ofNullable(client);
  }

  /** How long any one Redis call may take ({@code NEXUS_REDIS_TIMEOUT_MS}). */
  public Duration timeout() {
    return Duration.ofMillis(timeoutMillis);
  }

  public boolean isConfigured() {
    return client != null;
  }

  static String redacted(String url) {
    URI uri = URI.create(url.trim());
    return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
  }
}

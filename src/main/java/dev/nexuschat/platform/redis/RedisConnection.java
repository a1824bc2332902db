package dev.nexuschat.platform.redis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;

/**
 * The node's pooled Redis client, present only when {@code NEXUS_REDIS_URL} is set. Without it
 * NexusChat runs as a single node and keeps presence, rate limits and fan-out in process.
 */
@ApplicationScoped
public class RedisConnection {
  private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

  @Inject
  @ConfigProperty(name = "NEXUS_REDIS_URL")
  Optional<String> redisUrl;

  private RedisClient client;

  @PostConstruct
  void connect() {
    redisUrl
        .filter(url -> !url.isBlank())
        .ifPresent(
            url -> {
              client = RedisClient.create(URI.create(url.trim()));
              LOG.info(() -> "Using Redis at " + redacted(url));
            });
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

  public boolean isConfigured() {
    return client != null;
  }

  static String redacted(String url) {
    URI uri = URI.create(url.trim());
    return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
  }
}

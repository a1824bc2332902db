package dev.nexuschat.realtime.boundary;

import dev.nexuschat.platform.redis.RedisConnection;
import dev.nexuschat.realtime.cluster.RedisPubSub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while this node hears the other nodes' events. Redis answering a ping is not enough:
 * after an outage the subscription comes back a moment later, and until then events published on
 * other nodes would not reach this node's sockets.
 */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {
  @Inject RedisConnection redis;
  @Inject RedisPubSub pubSub;

  @Override
  public HealthCheckResponse call() {
    if (!redis.isConfigured()) {
      return HealthCheckResponse.named("fan-out")
          .up()
          .withData("mode", "in process (single node)")
          .build();
    }
    return HealthCheckResponse.named("fan-out").status(pubSub.isSubscribed()).build();
  }
}

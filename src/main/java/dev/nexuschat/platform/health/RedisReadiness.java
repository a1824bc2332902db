package dev.nexuschat.platform.health;

import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while Redis answers, when Redis is configured; always up in single-node mode. */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {
  @Inject RedisConnection redis;

  @Override
  public HealthCheckResponse call() {
    if (redis.client().isEmpty()) {
      return HealthCheckResponse.named("redis")
          .up()
          .withData("mode", "not configured (single node)")
          .build();
    }
    try {
      String pong = redis.client().get().ping();
      return HealthCheckResponse.named("redis").status("PONG".equals(pong)).build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("redis")
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}

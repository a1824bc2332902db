package dev.nexuschat.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the JVM has heap to spare: restarting is the cure for nothing else. */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {
  @Override
  public HealthCheckResponse call() {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    boolean healthy = used < runtime.maxMemory() * 0.95;
    return HealthCheckResponse.named("heap")
        .status(healthy)
        .withData("used_mb", used / (1024 * 1024))
        .withData("max_mb", runtime.maxMemory() / (1024 * 1024))
        .build();
  }
}

package dev.nexuschat.platform.ratelimit;

import dev.nexuschat.platform.web.ClientAddress;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;

/** Applies {@link AttemptLimited} per client (IPv4 address or IPv6 /64). */
@Provider
@AttemptLimited
@Priority(Priorities.AUTHENTICATION - 100)
public class AttemptLimitFilter implements ContainerRequestFilter {
  @Context ResourceInfo resource;
  @Context HttpServletRequest request;
  @Inject RateLimiter limiter;
  @Inject ClientAddress clientAddress;

  @Override
  public void filter(ContainerRequestContext context) {
    AttemptLimited limit = resource.getResourceMethod().getAnnotation(AttemptLimited.class);
    if (limit == null || limit.perMinute() <= 0) {
      return;
    }
    limiter.hit(
        limit.bucket(),
        clientAddress.rateLimitKey(request),
        limit.perMinute(),
        Duration.ofMinutes(1));
  }
}

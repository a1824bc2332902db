package dev.nexuschat.platform.ratelimit;

import dev.nexuschat.platform.errors.RateLimited;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Per-user throttles of authenticated work ({@link UserLimit}), keyed by user id rather than
 * address, and shared by every node through Redis when it is configured (see {@link RateLimiter}).
 * Services call {@link #take} before the work they guard, so a refused request stores nothing.
 */
@ApplicationScoped
public class UserLimits {
  private static final Logger LOG = Logger.getLogger(UserLimits.class.getName());

  @Inject RateLimiter limiter;
  @Inject Config config;

  private final Map<UserLimit, Rate> rates = new EnumMap<>(UserLimit.class);

  @PostConstruct
  void readConfiguration() {
    for (UserLimit limit : UserLimit.values()) {
      int burst =
          config
              .getOptionalValue(limit.burstVariable(), Integer.class)
              .orElse(limit.defaultBurst());
      int refill =
          config
              .getOptionalValue(limit.refillVariable(), Integer.class)
              .orElse(limit.defaultRefill());
      if (burst <= 0) {
        LOG.warning(() -> limit.burstVariable() + " is " + burst + ": that limit is off");
      } else {
        rates.put(limit, new Rate(burst, Math.max(1, refill), limit.per()));
      }
    }
  }

  /** Counts one unit of {@code limit} for {@code userId}; throws {@link RateLimited} when over. */
  public void take(UserLimit limit, UUID userId) {
    Rate rate = rates.get(limit);
    if (rate != null) {
      limiter.take(limit.bucket(), userId.toString(), rate, limit.tooMuch());
    }
  }
}

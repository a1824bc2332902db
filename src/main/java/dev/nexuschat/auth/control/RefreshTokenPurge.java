package dev.nexuschat.auth.control;

import dev.nexuschat.platform.time.PeriodicJobs;
import dev.nexuschat.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes refresh tokens that can never be used again, every {@code NEXUS_REFRESH_PURGE_SECONDS}
 * (an hour), on the container's managed scheduler: expired ones, and revoked ones a day after their
 * revocation. In batches of {@link #BATCH}, each its own short transaction, at most {@link
 * #MAX_BATCHES} per run, so a large backlog never holds locks or a connection for long; the next
 * run takes the rest. Every node runs it; two purging the same rows at once only delete them once.
 */
@ApplicationScoped
public class RefreshTokenPurge {
  static final int BATCH = 500;
  static final int MAX_BATCHES = 200;

  /** Revoked tokens stay a day: enough to see in the table what happened to a session. */
  static final Duration REVOKED_KEPT = Duration.ofDays(1);

  private static final Logger LOG = Logger.getLogger(RefreshTokenPurge.class.getName());

  @Inject RefreshTokens tokens;

  @Inject
  @ConfigProperty(name = "NEXUS_REFRESH_PURGE_SECONDS", defaultValue = "3600")
  long everySeconds;

  @Inject PeriodicJobs jobs;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    jobs.every(everySeconds, "Refresh token purge", this::run);
  }

  void run() {
    OffsetDateTime now = Timestamps.now();
    int deleted = 0;
    for (int i = 0; i < MAX_BATCHES; i++) {
      int batch = tokens.purge(now, now.minus(REVOKED_KEPT), BATCH);
      deleted += batch;
      if (batch < BATCH) {
        break;
      }
    }
    if (deleted > 0) {
      int total = deleted;
      LOG.fine(() -> "Purged " + total + " expired or revoked refresh tokens");
    }
  }
}

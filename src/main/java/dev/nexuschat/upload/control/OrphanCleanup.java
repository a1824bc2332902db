package dev.nexuschat.upload.control;

import dev.nexuschat.platform.time.PeriodicJobs;
import dev.nexuschat.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes uploads never attached to a message within {@code NEXUS_UPLOAD_ORPHAN_TTL}, every {@code
 * NEXUS_UPLOAD_CLEANUP_SECONDS} (10 min), rows first (one guarded DELETE each, its own
 * transaction), then their bytes. Safe on several nodes at once: a row is deleted by one of them,
 * and only that one deletes its bytes. At most {@link #MAX_PER_RUN} per run; the next run takes the
 * rest.
 */
@ApplicationScoped
public class OrphanCleanup {
  static final int BATCH = 100;
  static final int MAX_PER_RUN = 5_000;
  private static final Logger LOG = Logger.getLogger(OrphanCleanup.class.getName());

  @Inject UploadRows rows;
  @Inject UploadSettings settings;
  @Inject StoredBytes bytes;

  @Inject
  @ConfigProperty(name = "NEXUS_UPLOAD_CLEANUP_SECONDS", defaultValue = "600")
  long everySeconds;

  @Inject PeriodicJobs jobs;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    jobs.every(everySeconds, "Upload cleanup", this::run);
  }

  void run() {
    OffsetDateTime cutoff = Timestamps.now().minus(settings.orphanTtl());
    int deleted = 0;
    for (int seen = 0; seen < MAX_PER_RUN; seen += BATCH) {
      List<UUID> batch = rows.orphans(cutoff, BATCH);
      for (UUID id : batch) {
        if (rows.deleteOrphan(id, cutoff)) {
          bytes.delete(id);
          deleted++;
        }
      }
      if (batch.size() < BATCH) {
        break;
      }
    }
    if (deleted > 0) {
      int total = deleted;
      LOG.fine(() -> "Deleted " + total + " uploads never attached to a message");
    }
  }
}

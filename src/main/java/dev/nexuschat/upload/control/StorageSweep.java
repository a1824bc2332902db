package dev.nexuschat.upload.control;

import dev.nexuschat.platform.time.PeriodicJobs;
import dev.nexuschat.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes stored bytes that no upload row points to, every {@code NEXUS_UPLOAD_SWEEP_SECONDS} (a
 * day): what a room deleted in the database left behind (its rows go by cascade, which no code
 * hears), and what a node that died between a delete's commit and the removal of its bytes never
 * removed. Walks the whole storage in key order, a page at a time, one query per page. Bytes are
 * only deleted once older than {@code NEXUS_UPLOAD_ORPHAN_TTL}: a slot's row is committed before
 * its bytes can arrive, so younger bytes without a row are a race this need not decide. Safe on
 * several nodes at once (deleting twice is fine).
 */
@ApplicationScoped
public class StorageSweep {
  static final int PAGE = 500;
  private static final Logger LOG = Logger.getLogger(StorageSweep.class.getName());

  @Inject Storage storage;
  @Inject UploadRows rows;
  @Inject UploadSettings settings;
  @Inject PeriodicJobs jobs;

  @Inject
  @ConfigProperty(name = "NEXUS_UPLOAD_SWEEP_SECONDS", defaultValue = "86400")
  long everySeconds;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    jobs.every(everySeconds, "Upload storage sweep", this::run);
  }

  void run() {
    Instant cutoff = Timestamps.now().minus(settings.orphanTtl()).toInstant();
    int deleted = 0;
    String after = null;
    while (true) {
      List<Storage.Stored> page = list(after);
      Map<UUID, List<Storage.Stored>> byUpload = new LinkedHashMap<>();
      for (Storage.Stored stored : page) {
        StoredBytes.uploadId(stored.key())
            .ifPresent(id -> byUpload.computeIfAbsent(id, k -> new ArrayList<>()).add(stored));
      }
      Set<UUID> kept = rows.existing(byUpload.keySet());
      for (Map.Entry<UUID, List<Storage.Stored>> upload : byUpload.entrySet()) {
        if (!kept.contains(upload.getKey())) {
          deleted += deleteOlder(upload.getValue(), cutoff);
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).key();
    }
    if (deleted > 0) {
      int total = deleted;
      LOG.info(() -> "Deleted " + total + " stored files no upload pointed to");
    }
  }

  private List<Storage.Stored> list(String after) {
    try {
      return storage.list(after, PAGE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int deleteOlder(List<Storage.Stored> files, Instant cutoff) {
    int deleted = 0;
    for (Storage.Stored file : files) {
      if (file.modified().isBefore(cutoff)) {
        try {
          storage.delete(file.key());
          deleted++;
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.WARNING, "Could not delete the stray stored file " + file.key(), e);
        }
      }
    }
    return deleted;
  }
}

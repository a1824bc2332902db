package dev.nexuschat.upload.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The storage keys of an upload, and their removal once the rows are gone for good: after the
 * deleting transaction commits, so a rolled-back delete keeps its files. A failed removal leaves a
 * file no row points to, which is logged (and harmless: nothing serves it).
 */
@ApplicationScoped
public class StoredBytes {
  private static final Logger LOG = Logger.getLogger(StoredBytes.class.getName());

  private static final String THUMBNAIL = ".thumb";

  @Inject Storage storage;

  static String key(UUID uploadId) {
    return uploadId.toString();
  }

  static String thumbnailKey(UUID uploadId) {
    return uploadId + THUMBNAIL;
  }

  /** The upload whose bytes {@code key} holds (original or thumbnail); empty for any other key. */
  static Optional<UUID> uploadId(String key) {
    String id = key.endsWith(THUMBNAIL) ? key.substring(0, key.length() - THUMBNAIL.length()) : key;
    try {
      UUID uploadId = UUID.fromString(id);
      return uploadId.toString().equals(id) ? Optional.of(uploadId) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  void discarded(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadsDiscarded event) {
    event.uploadIds().forEach(this::delete);
  }

  void delete(UUID uploadId) {
    for (String key : new String[] {key(uploadId), thumbnailKey(uploadId)}) {
      try {
        storage.delete(key);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Could not delete the stored upload " + key, e);
      }
    }
  }
}

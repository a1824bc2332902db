package dev.nexuschat.upload.control;

import dev.nexuschat.platform.errors.NotFound;
import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.upload.entity.Upload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The short transactions around upload I/O: each one statement or two, never across I/O. */
@ApplicationScoped
class UploadRows {
  @PersistenceContext EntityManager em;

  /** Records a completion once; a second one (a concurrent retry) answers the first's view. */
  @Transactional
  public UploadViews.Attachment completed(
      UUID id, long size, String type, Integer width, Integer height, String thumbnailType) {
    Upload upload = em.find(Upload.class, id);
    if (upload == null) {
      throw new NotFound("No upload " + id);
    }
    if (!upload.isCompleted()) {
      upload.completed(size, type, width, height, thumbnailType, Timestamps.now());
    }
    return UploadViews.Attachment.of(upload);
  }

  /** Up to {@code limit} uploads never attached and created before {@code cutoff}. */
  @Transactional
  public List<UUID> orphans(OffsetDateTime cutoff, int limit) {
    return em.createQuery(
            "SELECT u.id FROM Upload u WHERE u.attachedAt IS NULL AND u.createdAt < :cutoff"
                + " ORDER BY u.createdAt",
            UUID.class)
        .setParameter("cutoff", cutoff)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Deletes the orphan {@code id} if it still is one: false when another node took it first or a
   * send attached it meanwhile (the guarded DELETE decides, so neither can both happen).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean deleteOrphan(UUID id, OffsetDateTime cutoff) {
    return em.createQuery(
                "DELETE FROM Upload u WHERE u.id = :id AND u.attachedAt IS NULL"
                    + " AND u.createdAt < :cutoff")
            .setParameter("id", id)
            .setParameter("cutoff", cutoff)
            .executeUpdate()
        == 1;
  }

  /** Which of {@code ids} still have a row. */
  @Transactional
  public Set<UUID> existing(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        em.createQuery("SELECT u.id FROM Upload u WHERE u.id IN :ids", UUID.class)
            .setParameter("ids", ids)
            .getResultList());
  }
}

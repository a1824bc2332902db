package dev.nexuschat.message.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A thread root's reply count and newest reply time. The append counts a new reply itself (the
 * triggers of changeset 008 on PostgreSQL, the entity path elsewhere); a delete recounts here,
 * under the room lock the delete holds, so a reply appended meanwhile is counted once.
 */
@ApplicationScoped
class ThreadCounts {
  @PersistenceContext EntityManager em;

  /** Recounts the root from its replies not deleted (the caller flushed the delete). */
  void recount(UUID rootId) {
    em.createNativeQuery(
            "UPDATE messages SET"
                + " reply_count = (SELECT COUNT(*) FROM messages r"
                + " WHERE r.thread_root_id = ?1 AND r.deleted_at IS NULL),"
                + " last_reply_at = (SELECT MAX(r.created_at) FROM messages r"
                + " WHERE r.thread_root_id = ?1 AND r.deleted_at IS NULL)"
                + " WHERE id = ?1")
        .setParameter(1, rootId)
        .executeUpdate();
  }

  /** The root's counts as they are now, and its newest reply, for {@code thread_updated}. */
  ThreadUpdated now(UUID roomId, UUID rootId) {
    List<?> root =
        em.createNativeQuery("SELECT reply_count, last_reply_at FROM messages WHERE id = ?1")
            .setParameter(1, rootId)
            .getResultList();
    if (root.isEmpty()) {
      return new ThreadUpdated(roomId, rootId, 0, null, null);
    }
    Object[] row = (Object[]) root.get(0);
    List<?> newest =
        em.createNativeQuery(
                "SELECT id FROM messages WHERE thread_root_id = ?1 AND deleted_at IS NULL"
                    + " ORDER BY seq DESC")
            .setParameter(1, rootId)
            .setMaxResults(1)
            .getResultList();
    return new ThreadUpdated(
        roomId,
        rootId,
        ((Number) row[0]).longValue(),
        instant(row[1]),
        newest.isEmpty() ? null : uuid(newest.get(0)));
  }

  private static java.time.Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime at) {
      return at.toInstant();
    }
    if (value instanceof java.sql.Timestamp at) {
      return at.toInstant();
    }
    if (value instanceof java.time.Instant at) {
      return at;
    }
    if (value instanceof java.time.ZonedDateTime at) {
      return at.toInstant();
    }
    throw new IllegalStateException("Unexpected time " + value.getClass());
  }

  private static UUID uuid(Object value) {
    return value instanceof UUID id ? id : UUID.fromString(value.toString());
  }
}

package dev.nexuschat.room.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The thread bookkeeping of the entity path (H2's append, and mentions added by edits on every
 * database): a reply's root, the root's count and newest reply time, and who follows the thread.
 * PostgreSQL's append does the same in the triggers of changeset 008, inside append_messages'
 * statement. Callers hold the room lock, so no two writers race for one follow row.
 */
@ApplicationScoped
class ThreadRows {
  @PersistenceContext EntityManager em;

  /** The root of the thread a reply to {@code parentId} joins: the parent's root, or the parent. */
  UUID rootOf(UUID parentId) {
    if (parentId == null) {
      return null;
    }
    List<?> root =
        em.createNativeQuery("SELECT COALESCE(thread_root_id, id) FROM messages WHERE id = ?1")
            .setParameter(1, parentId)
            .getResultList();
    return root.isEmpty() ? null : RoomTimeline.uuid(root.get(0));
  }

  /**
   * A reply was stored: the root counts it, its sender follows the thread (read up to the reply),
   * and so does the root's author from the first reply on, unless they unfollowed or left.
   */
  void replied(UUID rootId, UUID roomId, UUID senderId, long seq, OffsetDateTime at) {
    em.createNativeQuery(
            "UPDATE messages SET reply_count = reply_count + 1, last_reply_at = ?2 WHERE id = ?1")
        .setParameter(1, rootId)
        .setParameter(2, at)
        .executeUpdate();
    int followed =
        em.createNativeQuery(
                "UPDATE thread_follows SET following = true, updated_at = ?3,"
                    + " last_read_seq = CASE WHEN last_read_seq < ?4 THEN ?4 ELSE last_read_seq END"
                    + " WHERE user_id = ?1 AND root_id = ?2")
            .setParameter(1, senderId)
            .setParameter(2, rootId)
            .setParameter(3, at)
            .setParameter(4, seq)
            .executeUpdate();
    if (followed == 0) {
      insertFollow(senderId, rootId, roomId, seq, at);
    }
    List<?> root =
        em.createNativeQuery(
                "SELECT r.sender_id, r.seq FROM messages r"
                    + " JOIN room_members m ON m.room_id = r.room_id AND m.user_id = r.sender_id"
                    + " WHERE r.id = ?1 AND r.sender_id <> ?2 AND NOT EXISTS (SELECT 1 FROM"
                    + " thread_follows f WHERE f.user_id = r.sender_id AND f.root_id = r.id)")
            .setParameter(1, rootId)
            .setParameter(2, senderId)
            .getResultList();
    if (!root.isEmpty()) {
      Object[] row = (Object[]) root.get(0);
      insertFollow(RoomTimeline.uuid(row[0]), rootId, roomId, ((Number) row[1]).longValue(), at);
    }
  }

  /**
   * Members mentioned in message {@code messageId} follow its thread, if it is a reply; for one who
   * did not follow it, the mentioning reply and later ones are unread.
   */
  void mentioned(UUID messageId, List<UUID> userIds, OffsetDateTime at) {
    if (userIds.isEmpty()) {
      return;
    }
    List<?> found =
        em.createNativeQuery(
                "SELECT thread_root_id, room_id, seq FROM messages"
                    + " WHERE id = ?1 AND thread_root_id IS NOT NULL")
            .setParameter(1, messageId)
            .getResultList();
    if (found.isEmpty()) {
      return;
    }
    Object[] row = (Object[]) found.get(0);
    UUID rootId = RoomTimeline.uuid(row[0]);
    UUID roomId = RoomTimeline.uuid(row[1]);
    long seq = ((Number) row[2]).longValue();
    for (UUID userId : userIds) {
      int followed =
          em.createNativeQuery(
                  "UPDATE thread_follows SET following = true, updated_at = ?3"
                      + " WHERE user_id = ?1 AND root_id = ?2")
              .setParameter(1, userId)
              .setParameter(2, rootId)
              .setParameter(3, at)
              .executeUpdate();
      if (followed == 0) {
        insertFollow(userId, rootId, roomId, seq - 1, at);
      }
    }
  }

  private void insertFollow(
      UUID userId, UUID rootId, UUID roomId, long lastReadSeq, OffsetDateTime at) {
    em.createNativeQuery(
            "INSERT INTO thread_follows (user_id, root_id, room_id, following, last_read_seq,"
                + " updated_at) VALUES (?1, ?2, ?3, true, ?4, ?5)")
        .setParameter(1, userId)
        .setParameter(2, rootId)
        .setParameter(3, roomId)
        .setParameter(4, lastReadSeq)
        .setParameter(5, at)
        .executeUpdate();
  }
}

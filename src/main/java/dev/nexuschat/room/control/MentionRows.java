package dev.nexuschat.room.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The message_mentions rows of the entity path (H2's append, and edits on every database): who a
 * message mentions by name, with the message's room, number and time so that counts and pages seek
 * on them. PostgreSQL's append writes the same rows inside {@code append_messages} (changeset 007).
 * Callers hold the room lock, so "a member" means a member as of the write.
 */
@ApplicationScoped
class MentionRows {
  @PersistenceContext EntityManager em;

  /** Those of {@code keys} who are members of the room, the sender left out. */
  List<UUID> members(UUID roomId, UUID senderId, List<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT m.user.id FROM RoomMember m WHERE m.roomId = :room"
                + " AND m.user.id <> :sender AND m.user.usernameKey IN :keys",
            UUID.class)
        .setParameter("room", roomId)
        .setParameter("sender", senderId)
        .setParameter("keys", keys)
        .getResultList();
  }

  void insert(UUID messageId, UUID roomId, long seq, OffsetDateTime at, List<UUID> userIds) {
    for (UUID userId : userIds) {
      em.createNativeQuery(
              "INSERT INTO message_mentions (message_id, user_id, room_id, seq, created_at)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5)")
          .setParameter(1, messageId)
          .setParameter(2, userId)
          .setParameter(3, roomId)
          .setParameter(4, seq)
          .setParameter(5, at)
          .executeUpdate();
    }
  }

  void remove(UUID messageId) {
    em.createNativeQuery("DELETE FROM message_mentions WHERE message_id = ?1")
        .setParameter(1, messageId)
        .executeUpdate();
  }
}

package dev.nexuschat.room.control;

import dev.nexuschat.room.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The rooms a user is in, as plain values, for features that must not read room's tables themselves
 * (the live transport). Transactional because WebSocket callbacks run on threads without a unit of
 * work, where Liberty's container-managed EntityManager refuses to work.
 */
@ApplicationScoped
public class MemberRooms {
  @PersistenceContext EntityManager em;

  /**
   * Where a room stands: its newest message number ({@code lastSeq}, counting every message ever
   * posted) and its newest visible message ({@code lastMessageId}, null when there is none).
   */
  public record Position(UUID roomId, long lastSeq, UUID lastMessageId) {}

  @Transactional
  public List<UUID> roomIdsOf(UUID userId) {
    return em.createQuery("SELECT m.roomId FROM RoomMember m WHERE m.user.id = :user", UUID.class)
        .setParameter("user", userId)
        .getResultList();
  }

  /** Where each of the user's rooms stands, in one query. */
  @Transactional
  public List<Position> positionsOf(UUID userId) {
    return em.createQuery(
            "SELECT r.id, r.lastSeq, r.lastMessageId FROM RoomMember m, Room r"
                + " WHERE r.id = m.roomId AND m.user.id = :user",
            Object[].class)
        .setParameter("user", userId)
        .getResultStream()
        .map(
            row ->
                new Position(
                    (UUID) row[0],
                    ((Number) row[1]).longValue(),
                    Room.NO_MESSAGE.equals(row[2]) ? null : (UUID) row[2]))
        .toList();
  }
}

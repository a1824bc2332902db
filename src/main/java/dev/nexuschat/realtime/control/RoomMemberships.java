package dev.nexuschat.realtime.control;

import dev.nexuschat.room.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The membership reads the transport needs. Transactional because WebSocket callbacks run on
 * threads without a unit of work, where Liberty's container-managed EntityManager refuses to work.
 */
@ApplicationScoped
public class RoomMemberships {
  @PersistenceContext EntityManager em;

  /** Where each of a user's rooms stands: its newest message number and newest visible message. */
  @Transactional
  public List<ServerEvents.RoomPosition> positionsOf(UUID userId) {
    return em.createQuery(
            "SELECT r.id, r.lastSeq, r.lastMessageId FROM RoomMember m, Room r"
                + " WHERE r.id = m.roomId AND m.user.id = :user",
            Object[].class)
        .setParameter("user", userId)
        .getResultStream()
        .map(
            row ->
                new ServerEvents.RoomPosition(
                    (UUID) row[0],
                    Room.NO_MESSAGE.equals(row[2]) ? null : (UUID) row[2],
                    ((Number) row[1]).longValue()))
        .toList();
  }

  @Transactional
  public List<UUID> roomIdsOf(UUID userId) {
    return em.createQuery("SELECT m.roomId FROM RoomMember m WHERE m.user.id = :user", UUID.class)
        .setParameter("user", userId)
        .getResultList();
  }
}

package dev.nexuschat.realtime.control;

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

  /** A user's rooms with each room's newest message number: {@code [UUID roomId, Long lastSeq]}. */
  @Transactional
  public List<Object[]> roomsWithNewestSeq(UUID userId) {
    return em.createQuery(
            "SELECT m.roomId, r.lastSeq FROM RoomMember m, Room r"
                + " WHERE r.id = m.roomId AND m.user.id = :user",
            Object[].class)
        .setParameter("user", userId)
        .getResultList();
  }

  @Transactional
  public List<UUID> roomIdsOf(UUID userId) {
    return em.createQuery("SELECT m.roomId FROM RoomMember m WHERE m.user.id = :user", UUID.class)
        .setParameter("user", userId)
        .getResultList();
  }
}

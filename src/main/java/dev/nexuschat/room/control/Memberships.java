package dev.nexuschat.room.control;

import dev.nexuschat.platform.errors.Forbidden;
import dev.nexuschat.platform.errors.NotFound;
import dev.nexuschat.presence.control.PresenceDirectory;
import dev.nexuschat.room.entity.Room;
import dev.nexuschat.room.entity.RoomMember;
import dev.nexuschat.room.entity.RoomRole;
import dev.nexuschat.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Lookups every room and message use case starts with: who belongs to which room, and how; and
 * joining a room, which keeps the room's member count in step.
 */
@ApplicationScoped
public class Memberships {
  @PersistenceContext EntityManager em;
  @Inject PresenceDirectory presence;

  /** The caller's membership: 404 if the room does not exist, 403 if they are not in it. */
  public RoomMember require(UUID roomId, UUID userId) {
    return find(roomId, userId)
        .orElseThrow(
            () -> {
              if (em.find(Room.class, roomId) == null) {
                return new NotFound("No room " + roomId);
              }
              return new Forbidden("You are not a member of this room");
            });
  }

  /**
   * With the account fetched in the same statement: most callers show or store the member's user.
   */
  public Optional<RoomMember> find(UUID roomId, UUID userId) {
    return em.createQuery(
            "SELECT m FROM RoomMember m JOIN FETCH m.user"
                + " WHERE m.roomId = :room AND m.user.id = :user",
            RoomMember.class)
        .setParameter("room", roomId)
        .setParameter("user", userId)
        .getResultStream()
        .findFirst();
  }

  /** The room: 404 if it does not exist. */
  public Room room(UUID roomId) {
    Room room = em.find(Room.class, roomId);
    if (room == null) {
      throw new NotFound("No room " + roomId);
    }
    return room;
  }

  /** Locks the room row: serialises sequence numbers and membership changes per room. */
  public Room lockRoom(UUID roomId) {
    Room room = em.find(Room.class, roomId, LockModeType.PESSIMISTIC_WRITE);
    if (room == null) {
      throw new NotFound("No room " + roomId);
    }
    return room;
  }

  /** Members with their accounts in one query, owner first, then admins, then by join time. */
  public List<RoomMember> members(UUID roomId) {
    return em
        .createQuery(
            "SELECT m FROM RoomMember m JOIN FETCH m.user WHERE m.roomId = :room", RoomMember.class)
        .setParameter("room", roomId)
        .getResultList()
        .stream()
        .sorted(Comparator.comparing(RoomMember::role).thenComparing(RoomMember::joinedAt))
        .toList();
  }

  public List<UUID> memberIds(UUID roomId) {
    return em.createQuery("SELECT m.user.id FROM RoomMember m WHERE m.roomId = :room", UUID.class)
        .setParameter("room", roomId)
        .getResultList();
  }

  /** Persists the membership and counts it on the room, which the caller has created or locked. */
  public RoomMember join(Room room, User user, RoomRole role) {
    RoomMember member = RoomMember.join(room, user, role);
    em.persist(member);
    room.memberAdded();
    return member;
  }

  public List<RoomViews.Member> views(List<RoomMember> members) {
    Set<UUID> online = presence.onlineAmong(members.stream().map(RoomMember::userId).toList());
    return members.stream().map(m -> RoomViews.Member.of(m, online.contains(m.userId()))).toList();
  }
}

package dev.nexuschat.room.control;

import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.ratelimit.UserLimit;
import dev.nexuschat.platform.ratelimit.UserLimits;
import dev.nexuschat.room.entity.Room;
import dev.nexuschat.room.entity.RoomMember;
import dev.nexuschat.room.entity.RoomRole;
import dev.nexuschat.user.control.UserService;
import dev.nexuschat.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Direct conversations: opening the one room a pair of users shares, creating it the first time.
 */
@ApplicationScoped
public class DirectRoomService {
  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject UserService users;
  @Inject UserLimits limits;
  @Inject Event<RoomCreated> roomCreated;

  /**
   * One direct room per pair, also under concurrent requests: both users' rows are locked first.
   * Counts against the caller's room-creation limit; a new room also against the other user's limit
   * of rooms others add them to.
   */
  @Transactional
  public OpenedRoom open(UUID callerId, List<UUID> memberIds) {
    limits.take(UserLimit.ROOM_CREATE, callerId);
    users.requireCaller(callerId);
    Set<UUID> others = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
    if (others.size() != 1) {
      throw new Invalid("member_ids", "a direct conversation needs exactly one other user");
    }
    UUID otherId = others.iterator().next();
    if (otherId.equals(callerId)) {
      throw new Invalid("member_ids", "a direct conversation needs another user than yourself");
    }
    UUID first = callerId.compareTo(otherId) < 0 ? callerId : otherId;
    User a = em.find(User.class, first, LockModeType.PESSIMISTIC_WRITE);
    User b =
        em.find(
            User.class,
            first.equals(callerId) ? otherId : callerId,
            LockModeType.PESSIMISTIC_WRITE);
    if (a == null || b == null) {
      throw new Invalid("member_ids", "unknown user " + otherId);
    }
    List<Room> existing =
        em.createQuery("SELECT r FROM Room r WHERE r.dmKey = :key", Room.class)
            .setParameter("key", Room.dmKey(callerId, otherId))
            .getResultList();
    if (!existing.isEmpty()) {
      Room room = existing.get(0);
      RoomMember me = memberships.require(room.id(), callerId);
      return new OpenedRoom(
          RoomViews.Detail.of(room, me, memberships.views(memberships.members(room.id()))), false);
    }
    limits.take(UserLimit.ADDED_TO_ROOMS, otherId);
    User caller = first.equals(callerId) ? a : b;
    User other = first.equals(callerId) ? b : a;
    Room room = Room.direct(UUID.randomUUID(), callerId, otherId);
    em.persist(room);
    em.flush();
    List<RoomMember> members =
        List.of(
            memberships.join(room, caller, RoomRole.MEMBER),
            memberships.join(room, other, RoomRole.MEMBER));
    roomCreated.fire(new RoomCreated(room.id(), List.of(callerId, otherId)));
    return new OpenedRoom(
        RoomViews.Detail.of(room, members.get(0), memberships.views(members)), true);
  }
}

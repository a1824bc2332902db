package dev.nexuschat.room.control;

import dev.nexuschat.platform.errors.FieldError;
import dev.nexuschat.platform.errors.Forbidden;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.json.Patch;
import dev.nexuschat.platform.json.TextRules;
import dev.nexuschat.room.entity.Room;
import dev.nexuschat.room.entity.RoomMember;
import dev.nexuschat.room.entity.RoomRole;
import dev.nexuschat.user.control.UserService;
import dev.nexuschat.user.control.UserViews;
import dev.nexuschat.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Creating, listing, showing and renaming rooms; opening direct conversations. */
@ApplicationScoped
public class RoomService {
  static final int MAX_INITIAL_MEMBERS = 200;

  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject UserService users;
  @Inject RoomList roomList;
  @Inject Event<RoomCreated> roomCreated;
  @Inject Event<RoomUpdated> roomUpdated;

  /** A new room, or the existing direct room of the pair ({@code created} false). */
  public record Opened(RoomViews.Detail room, boolean created) {}

  /** What {@code POST /rooms} asks for. */
  public record NewRoom(String name, String description, boolean direct, List<UUID> memberIds) {}

  @Transactional
  public Opened create(UUID callerId, NewRoom request) {
    users.requireCaller(callerId);
    return request.direct()
        ? openDirect(callerId, request.memberIds())
        : createGroup(callerId, request);
  }

  private Opened createGroup(UUID callerId, NewRoom request) {
    List<FieldError> errors = new ArrayList<>();
    String name = TextRules.trimmed(request.name(), "name", 1, 100, errors);
    String description = description(request.description(), errors);
    Set<UUID> invited =
        new LinkedHashSet<>(request.memberIds() == null ? List.of() : request.memberIds());
    invited.remove(callerId);
    if (invited.size() > MAX_INITIAL_MEMBERS) {
      errors.add(
          new FieldError("member_ids", "at most " + MAX_INITIAL_MEMBERS + " members at creation"));
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    List<User> others = existingUsers(invited);
    User creator = em.find(User.class, callerId);
    Room room = Room.group(UUID.randomUUID(), name, description, callerId);
    em.persist(room);
    em.flush();
    List<RoomMember> members = new ArrayList<>();
    members.add(join(room, creator, RoomRole.OWNER));
    for (User other : others) {
      members.add(join(room, other, RoomRole.MEMBER));
    }
    roomCreated.fire(new RoomCreated(room.id(), members.stream().map(RoomMember::userId).toList()));
    return new Opened(detail(room, members.get(0), memberships.views(members)), true);
  }

  /**
   * One direct room per pair, also under concurrent requests: both users' rows are locked first.
   */
  private Opened openDirect(UUID callerId, List<UUID> memberIds) {
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
      return new Opened(detail(callerId, room), false);
    }
    User caller = first.equals(callerId) ? a : b;
    User other = first.equals(callerId) ? b : a;
    Room room = Room.direct(UUID.randomUUID(), callerId, otherId);
    em.persist(room);
    em.flush();
    List<RoomMember> members =
        List.of(join(room, caller, RoomRole.MEMBER), join(room, other, RoomRole.MEMBER));
    roomCreated.fire(new RoomCreated(room.id(), List.of(callerId, otherId)));
    return new Opened(detail(room, members.get(0), memberships.views(members)), true);
  }

  @Transactional
  public List<RoomViews.ListItem> list(UUID callerId) {
    return roomList.of(callerId);
  }

  @Transactional
  public RoomViews.Detail detail(UUID callerId, UUID roomId) {
    RoomMember me = memberships.require(roomId, callerId);
    return detail(em.find(Room.class, roomId), me, memberships.views(memberships.members(roomId)));
  }

  private RoomViews.Detail detail(UUID callerId, Room room) {
    return detail(
        room,
        memberships.require(room.id(), callerId),
        memberships.views(memberships.members(room.id())));
  }

  /** Owners and admins may rename a group room or change its description. */
  @Transactional
  public RoomViews.Detail update(
      UUID callerId, UUID roomId, Patch<String> name, Patch<String> description) {
    RoomMember me = memberships.require(roomId, callerId);
    Room room = memberships.lockRoom(roomId);
    if (room.isDirect()) {
      throw new Invalid("room", "a direct conversation has no name or description to change");
    }
    if (!me.mayEditRoom()) {
      throw new Forbidden("Only the owner or an admin may change the room");
    }
    List<FieldError> errors = new ArrayList<>();
    String newName =
        name.present() ? TextRules.trimmed(name.value(), "name", 1, 100, errors) : room.name();
    String newDescription =
        description.present() ? description(description.value(), errors) : room.description();
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    room.describe(newName, newDescription);
    roomUpdated.fire(new RoomUpdated(room.id(), room.name(), room.description()));
    return detail(room, me, memberships.views(memberships.members(roomId)));
  }

  private RoomMember join(Room room, User user, RoomRole role) {
    RoomMember member = RoomMember.join(room, user, role);
    em.persist(member);
    room.memberAdded();
    return member;
  }

  private List<User> existingUsers(Set<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<User> found =
        em.createQuery("SELECT u FROM User u WHERE u.id IN :ids", User.class)
            .setParameter("ids", ids)
            .getResultList();
    if (found.size() != ids.size()) {
      Set<UUID> unknown = new LinkedHashSet<>(ids);
      found.forEach(u -> unknown.remove(u.id()));
      throw new Invalid("member_ids", "unknown users: " + unknown);
    }
    return found;
  }

  private static String description(String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return TextRules.trimmed(value, "description", 1, 500, errors);
  }

  private static RoomViews.Detail detail(Room room, RoomMember me, List<RoomViews.Member> members) {
    UserViews.Summary peer = null;
    if (room.isDirect()) {
      peer =
          members.stream()
              .filter(m -> !m.id().equals(me.userId()))
              .findFirst()
              .map(
                  m ->
                      new UserViews.Summary(
                          m.id(), m.username(), m.displayName(), m.avatarUrl(), m.isOnline()))
              .orElse(null);
    }
    return new RoomViews.Detail(
        room.id(),
        room.isDirect() ? RoomViews.directName(peer) : room.name(),
        room.description(),
        room.isDirect(),
        room.createdBy(),
        room.createdAt().toInstant(),
        me.role().wireName(),
        peer,
        room.memberCount(),
        members);
  }
}

package dev.nexuschat.room.control;

import dev.nexuschat.platform.errors.FieldError;
import dev.nexuschat.platform.errors.Forbidden;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.json.Patch;
import dev.nexuschat.platform.json.TextRules;
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
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Group rooms: creating, renaming and describing them; and listing and showing any room the caller
 * is in. Direct conversations are opened by {@link DirectRoomService}, members managed by {@link
 * MemberService}.
 */
@ApplicationScoped
public class RoomService {
  static final int MAX_INITIAL_MEMBERS = 200;

  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject UserService users;
  @Inject RoomList roomList;
  @Inject UserLimits limits;
  @Inject Event<RoomCreated> roomCreated;
  @Inject Event<RoomUpdated> roomUpdated;

  /** What {@code POST /rooms} asks for when it is not a direct conversation. */
  public record NewGroupRoom(String name, String description, List<UUID> memberIds) {}

  /**
   * The caller becomes owner; everyone invited joins as a member. Counts against the caller's
   * room-creation limit, and each invited user's limit of rooms others add them to.
   */
  @Transactional
  public OpenedRoom createGroup(UUID callerId, NewGroupRoom request) {
    limits.take(UserLimit.ROOM_CREATE, callerId);
    User creator = users.requireCaller(callerId);
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
    others.forEach(other -> limits.take(UserLimit.ADDED_TO_ROOMS, other.id()));
    Room room = Room.group(UUID.randomUUID(), name, description, callerId);
    em.persist(room);
    em.flush();
    List<RoomMember> members = new ArrayList<>();
    members.add(memberships.join(room, creator, RoomRole.OWNER));
    for (User other : others) {
      members.add(memberships.join(room, other, RoomRole.MEMBER));
    }
    roomCreated.fire(new RoomCreated(room.id(), members.stream().map(RoomMember::userId).toList()));
    return new OpenedRoom(
        RoomViews.Detail.of(room, members.get(0), memberships.views(members)), true);
  }

  @Transactional
  public List<RoomViews.ListItem> list(UUID callerId) {
    return roomList.of(callerId);
  }

  @Transactional
  public RoomViews.Detail detail(UUID callerId, UUID roomId) {
    RoomMember me = memberships.require(roomId, callerId);
    return RoomViews.Detail.of(
        em.find(Room.class, roomId), me, memberships.views(memberships.members(roomId)));
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
    return RoomViews.Detail.of(room, me, memberships.views(memberships.members(roomId)));
  }

  private List<User> existingUsers(Set<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<User> found = users.existingAmong(ids);
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
}

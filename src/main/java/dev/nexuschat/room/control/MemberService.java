package dev.nexuschat.room.control;

import dev.nexuschat.platform.errors.Conflict;
import dev.nexuschat.platform.errors.Forbidden;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.errors.NotFound;
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
import java.util.List;
import java.util.UUID;

/**
 * Adding, promoting and removing members. The room row is locked first, so concurrent changes to
 * one room apply one after the other. The role rules themselves live in {@link RoomMember}.
 */
@ApplicationScoped
public class MemberService {
  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject UserService users;
  @Inject UserLimits limits;
  @Inject Event<MemberJoined> memberJoined;
  @Inject Event<MemberLeft> memberLeft;
  @Inject Event<MemberUpdated> memberUpdated;
  @Inject Event<RoomSettingsChanged> settingsChanged;

  /**
   * Counts against the adder's member-add limit first; the added user's limit of rooms others add
   * them to only once the add is allowed, so nobody can use up someone else's budget with refused
   * attempts.
   */
  @Transactional
  public List<RoomViews.Member> add(UUID callerId, UUID roomId, UUID userId) {
    limits.take(UserLimit.MEMBER_ADD, callerId);
    Room room = memberships.lockRoom(roomId);
    RoomMember me = memberships.require(roomId, callerId);
    if (room.isDirect()) {
      throw new Invalid("room", "members cannot be added to a direct conversation");
    }
    if (!me.mayManageMembers()) {
      throw new Forbidden("Only the owner or an admin may add members");
    }
    User user = users.require(userId);
    if (memberships.find(roomId, userId).isPresent()) {
      throw new Conflict("ALREADY_MEMBER", user.username() + " is already a member of this room");
    }
    limits.take(UserLimit.ADDED_TO_ROOMS, userId);
    memberships.join(room, user, RoomRole.MEMBER);
    List<RoomViews.Member> members = memberships.views(memberships.members(roomId));
    RoomViews.Member view =
        members.stream().filter(m -> m.id().equals(userId)).findFirst().orElseThrow();
    memberJoined.fire(new MemberJoined(roomId, view, callerId));
    return members;
  }

  /** Owner only. Making someone owner hands ownership over: the old owner becomes an admin. */
  @Transactional
  public RoomViews.Member changeRole(UUID callerId, UUID roomId, UUID userId, String roleName) {
    Room room = memberships.lockRoom(roomId);
    RoomMember me = memberships.require(roomId, callerId);
    if (room.isDirect()) {
      throw new Invalid("room", "a direct conversation has no roles");
    }
    if (!me.mayChangeRoles()) {
      throw new Forbidden("Only the owner may change roles");
    }
    RoomRole role =
        RoomRole.fromWireName(roleName)
            .orElseThrow(() -> new Invalid("role", "must be one of owner, admin, member"));
    RoomMember target =
        memberships
            .find(roomId, userId)
            .orElseThrow(() -> new NotFound("User " + userId + " is not a member of this room"));
    if (target.userId().equals(callerId)) {
      if (role != RoomRole.OWNER) {
        throw new Conflict(
            "OWNER_MUST_TRANSFER", "Make another member the owner instead of stepping down");
      }
      return view(target);
    }
    if (role == RoomRole.OWNER) {
      me.assign(RoomRole.ADMIN);
      memberUpdated.fire(new MemberUpdated(roomId, view(me)));
    }
    target.assign(role);
    RoomViews.Member view = view(target);
    memberUpdated.fire(new MemberUpdated(roomId, view));
    return view;
  }

  /**
   * Anyone may leave; the owner may remove anyone, an admin plain members. The owner leaves only
   * after handing ownership over, unless they are the last one; the last one out deletes the room.
   */
  @Transactional
  public void remove(UUID callerId, UUID roomId, UUID userId) {
    Room room = memberships.lockRoom(roomId);
    RoomMember me = memberships.require(roomId, callerId);
    RoomMember target =
        callerId.equals(userId)
            ? me
            : memberships
                .find(roomId, userId)
                .orElseThrow(
                    () -> new NotFound("User " + userId + " is not a member of this room"));
    if (room.isDirect()) {
      throw new Invalid("room", "a direct conversation cannot be left");
    }
    if (!me.mayRemove(target)) {
      throw new Forbidden(
          me.mayManageMembers()
              ? "Admins may remove plain members only"
              : "Only the owner or an admin may remove others");
    }
    if (target.role() == RoomRole.OWNER && room.memberCount() > 1) {
      throw new Conflict("OWNER_MUST_TRANSFER", "Make another member the owner before leaving");
    }
    em.remove(target);
    room.memberRemoved();
    if (room.memberCount() == 0) {
      em.flush();
      em.remove(room);
    }
    memberLeft.fire(new MemberLeft(roomId, userId, callerId));
  }

  /** A member's own settings: anyone in the room, for themself only. Muting keeps the counts. */
  @Transactional
  public RoomViews.MySettings changeMySettings(UUID callerId, UUID roomId, boolean muted) {
    RoomMember me = memberships.require(roomId, callerId);
    me.mute(muted);
    RoomViews.MySettings settings = new RoomViews.MySettings(roomId, me.muted());
    settingsChanged.fire(new RoomSettingsChanged(settings, callerId));
    return settings;
  }

  private RoomViews.Member view(RoomMember member) {
    return memberships.views(List.of(member)).get(0);
  }
}

package dev.nexuschat.room.entity;

import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.user.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One user's membership of one room: the role rules live here, and the read mark (a room sequence
 * number) that unread counts are measured from.
 */
@Entity
@Table(name = "room_members")
public class RoomMember {
  @Id private UUID id;

  @Column(name = "room_id", nullable = false)
  private UUID roomId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  private User user;

  @Column(name = "role", nullable = false)
  private RoomRole role;

  @Column(name = "joined_at", nullable = false)
  private OffsetDateTime joinedAt;

  @Column(name = "last_read_seq", nullable = false)
  private long lastReadSeq;

  @Column(name = "last_read_at")
  private OffsetDateTime lastReadAt;

  /** No sound and no notification for the room; counts and badges stay. */
  @Column(name = "muted", nullable = false)
  private boolean muted;

  protected RoomMember() {}

  /** Joins with everything already in the room counted as read. */
  public static RoomMember join(Room room, User user, RoomRole role) {
    RoomMember member = new RoomMember();
    member.id = UUID.randomUUID();
    member.roomId = room.id();
    member.user = Objects.requireNonNull(user);
    member.role = Objects.requireNonNull(role);
    member.joinedAt = Timestamps.now();
    member.lastReadSeq = room.lastSeq();
    return member;
  }

  public boolean mayManageMembers() {
    return role == RoomRole.OWNER || role == RoomRole.ADMIN;
  }

  public boolean mayEditRoom() {
    return mayManageMembers();
  }

  public boolean mayChangeRoles() {
    return role == RoomRole.OWNER;
  }

  public boolean mayDeleteMessagesOfOthers() {
    return mayManageMembers();
  }

  /** Anyone may leave; the owner may remove anyone; an admin may remove plain members only. */
  public boolean mayRemove(RoomMember target) {
    if (target.userId().equals(userId())) {
      return true;
    }
    return role == RoomRole.OWNER || (role == RoomRole.ADMIN && target.role == RoomRole.MEMBER);
  }

  /**
   * Moves the read mark forward to {@code seq}, never back. For the poster's own message only: it
   * is posted under the room lock with the room's newest number, so no concurrent writer can hold a
   * higher mark for this row and a plain update (flushed with the message) is safe.
   */
  public void postedUpTo(long seq, OffsetDateTime at) {
    if (seq > lastReadSeq) {
      lastReadSeq = seq;
      lastReadAt = at;
    }
  }

  public void mute(boolean on) {
    muted = on;
  }

  public boolean muted() {
    return muted;
  }

  public void assign(RoomRole newRole) {
    role = Objects.requireNonNull(newRole);
  }

  public UUID id() {
    return id;
  }

  public UUID roomId() {
    return roomId;
  }

  public User user() {
    return user;
  }

  public UUID userId() {
    return user.id();
  }

  public RoomRole role() {
    return role;
  }

  public OffsetDateTime joinedAt() {
    return joinedAt;
  }

  public long lastReadSeq() {
    return lastReadSeq;
  }

  public OffsetDateTime lastReadAt() {
    return lastReadAt;
  }
}

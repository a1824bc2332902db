package dev.nexuschat.room.control;

import dev.nexuschat.room.entity.Room;
import dev.nexuschat.room.entity.RoomMember;
import dev.nexuschat.user.control.UserViews;
import dev.nexuschat.user.entity.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API shapes of rooms. */
public final class RoomViews {
  private RoomViews() {}

  @Schema(name = "RoomMember")
  public record Member(
      UUID id,
      String username,
      String displayName,
      String avatarUrl,
      String role,
      boolean isOnline,
      Instant lastSeenAt,
      Instant joinedAt) {
    public static Member of(RoomMember member, boolean online) {
      User user = member.user();
      return new Member(
          user.id(),
          user.username(),
          user.displayName(),
          user.avatarUrl(),
          member.role().wireName(),
          online,
          user.lastSeenAt() == null ? null : user.lastSeenAt().toInstant(),
          member.joinedAt().toInstant());
    }
  }

  /** {@code GET /rooms/{id}} and the answer to create and update. */
  @Schema(name = "Room")
  public record Detail(
      UUID id,
      String name,
      String description,
      boolean isDirect,
      UUID createdBy,
      Instant createdAt,
      String myRole,
      UserViews.Summary peer,
      int memberCount,
      List<Member> members) {
    /** A direct room is named after, and shows, the other person as {@code me} sees it. */
    static Detail of(Room room, RoomMember me, List<Member> members) {
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
      return new Detail(
          room.id(),
          room.isDirect() ? directName(peer) : room.name(),
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

  /** The newest visible message of a room, for the room list. */
  @Schema(name = "LastMessage")
  public record LastMessage(
      UUID id, String content, UUID senderId, String senderUsername, Instant createdAt) {}

  /** One row of {@code GET /rooms}. */
  @Schema(name = "RoomListItem")
  public record ListItem(
      UUID id,
      String name,
      String description,
      boolean isDirect,
      Instant createdAt,
      String myRole,
      UserViews.Summary peer,
      LastMessage lastMessage,
      long unreadCount,
      int memberCount,
      @Schema(description = "Unread messages that mention the caller (by name or @room)")
          long mentionCount,
      @Schema(description = "The caller muted the room: no sound, no notification")
          boolean muted) {}

  /** The caller's own settings for a room: {@code PATCH /rooms/{id}/members/me}. */
  @Schema(name = "RoomSettings")
  public record MySettings(UUID roomId, boolean muted) {}

  /** What a direct room is called for the one looking at it: the other person's name. */
  static String directName(UserViews.Summary peer) {
    return peer == null ? "Former member" : peer.displayName();
  }
}

package dev.nexuschat.realtime.routing;

import dev.nexuschat.platform.json.JsonFormat;
import dev.nexuschat.room.control.RoomViews;
import dev.nexuschat.user.control.UserViews;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Names and payloads of the server events (API contract section 6, PRD section 5). */
public final class ServerEvents {
  public static final String NEW_MESSAGE = "new_message";
  public static final String MESSAGE_EDITED = "message_edited";
  public static final String MESSAGE_DELETED = "message_deleted";
  public static final String ROOM_CREATED = "room_created";
  public static final String ROOM_UPDATED = "room_updated";
  public static final String MEMBER_JOINED = "member_joined";
  public static final String MEMBER_LEFT = "member_left";
  public static final String MEMBER_UPDATED = "member_updated";
  public static final String READ_UPDATED = "read_updated";
  public static final String USER_TYPING = "user_typing";
  public static final String USER_STOP_TYPING = "user_stop_typing";
  public static final String USER_ONLINE = "user_online";
  public static final String USER_OFFLINE = "user_offline";

  /** Not in the PRD: reactions (issue 14), see the README's Real-time section. */
  public static final String REACTION_ADDED = "reaction_added";

  public static final String REACTION_REMOVED = "reaction_removed";

  /**
   * Not in the contract: a socket's first frame, where its live stream starts (see {@link
   * StreamStart}).
   */
  public static final String READY = "ready";

  /**
   * Not in the PRD: a profile change (display name, avatar), see the contract notes in the README.
   */
  public static final String USER_UPDATED = "user_updated";

  /** Not in the contract: a user's own settings for a room changed (mute), to their sockets. */
  public static final String ROOM_SETTINGS_UPDATED = "room_settings_updated";

  /** Not in the PRD: threads (issue 14, item 5), see the README's Real-time section. */
  public static final String THREAD_UPDATED = "thread_updated";

  /** A user's follow state or read position in a thread changed, to their own sockets. */
  public static final String THREAD_READ = "thread_read";

  private ServerEvents() {}

  /**
   * Where a room stood when a socket's live stream started: every message after {@code lastSeq}
   * (newest visible: {@code lastMessageId}, null when none) comes live on the socket.
   */
  public record RoomPosition(UUID roomId, UUID lastMessageId, long lastSeq) {}

  public record Ready(String connectionId, List<RoomPosition> rooms) {}

  public record MessageRemoved(UUID id, UUID roomId) {}

  public record RoomRef(UUID roomId) {}

  public record RoomChanged(UUID roomId, String name, String description) {}

  public record MemberChanged(UUID roomId, RoomViews.Member user) {}

  public record MemberGone(UUID roomId, UUID userId) {}

  public record ReadPosition(
      UUID roomId, Instant lastReadAt, long unreadCount, long mentionCount) {}

  public record Typing(UUID userId, String username, UUID roomId) {}

  public record TypingStopped(UUID userId, UUID roomId) {}

  public record Online(UUID userId, String username) {}

  public record Offline(UUID userId, String username, Instant lastSeenAt) {}

  public record UserChanged(UserViews.Summary user) {}

  /** {@code count}: how many hold {@code emoji} on the message now; receivers work out "me". */
  public record ReactionChanged(
      UUID roomId, UUID messageId, String emoji, UUID userId, long count) {}

  public static String json(Object payload) {
    return JsonFormat.JSONB.toJson(payload);
  }

  /** A whole server frame: {@code {"event":...,"data":...}}. */
  static String frame(String event, Object payload) {
    return "{\"event\":\"" + event + "\",\"data\":" + json(payload) + "}";
  }
}

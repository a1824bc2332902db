package dev.nexuschat.thread.control;

import dev.nexuschat.message.control.MessageViews;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API shapes of threads. */
public final class ThreadViews {
  private ThreadViews() {}

  /** One page of a thread: its root, and replies oldest first. */
  @Schema(name = "ThreadPage")
  public record Page(
      MessageViews.Item root,
      @Schema(description = "Replies oldest first, deleted ones left out")
          List<MessageViews.Item> replies,
      @Schema(description = "Pass as cursor for the next (newer) page; null at the end")
          UUID nextCursor,
      boolean hasMore,
      @Schema(description = "The caller follows this thread") boolean following,
      @Schema(description = "The caller's unread replies in it (0 when not following)")
          long unreadCount) {}

  /**
   * The caller's state in one thread after a follow, unfollow or read; also the {@code thread_read}
   * event to their other sockets. The totals are over all their followed threads, for the badge.
   */
  @Schema(name = "ThreadState")
  public record State(
      UUID roomId,
      UUID rootId,
      boolean following,
      long unreadCount,
      @Schema(description = "Unread replies over all followed threads") long totalUnreadCount,
      @Schema(description = "Followed threads with unread replies") long unreadThreads) {}

  /** One followed thread in the caller's list. */
  @Schema(name = "FollowedThread")
  public record Item(
      UUID roomId,
      @Schema(description = "The room's name; for a direct conversation, the other member's")
          String roomName,
      boolean roomIsDirect,
      MessageViews.Item root,
      long unreadCount,
      Instant lastReplyAt) {}

  /** A page of the caller's followed threads, most recent reply first. */
  @Schema(name = "FollowedThreadPage")
  public record Inbox(
      List<Item> threads,
      @Schema(description = "Opaque: pass as cursor for the next (older) page; null at the end")
          String nextCursor,
      boolean hasMore,
      @Schema(description = "Unread replies over all followed threads") long totalUnreadCount,
      @Schema(description = "Followed threads with unread replies") long unreadThreads) {}

  /** Unread totals over the caller's followed threads in rooms they are in. */
  public record Totals(long unreadReplies, long unreadThreads) {}
}

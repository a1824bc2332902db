package dev.nexuschat.message.control;

import dev.nexuschat.message.entity.Message;
import dev.nexuschat.upload.control.UploadViews;
import dev.nexuschat.user.control.UserViews;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API shapes of messages. */
public final class MessageViews {
  static final int PREVIEW_LENGTH = 100;

  private MessageViews() {}

  /** A message as history, the send answer and the {@code new_message} event show it. */
  @Schema(name = "Message")
  public record Item(
      UUID id,
      UUID roomId,
      UserViews.Sender sender,
      String content,
      String messageType,
      UUID parentId,
      ParentPreview parent,
      boolean isEdited,
      Instant createdAt,
      Instant updatedAt,
      String clientId,
      @Schema(description = "The members this message mentions by name (never the sender)")
          List<UUID> mentions,
      @Schema(description = "It mentions everyone in the room (@room or @here)")
          boolean mentionsRoom,
      @Schema(description = "Counts per emoji, first reacted first; me: the caller's own")
          List<ReactionCount> reactions,
      @Schema(description = "Its files, in upload order; [] when none")
          List<UploadViews.Attachment> attachments) {
    public Item {
      reactions = reactions == null ? List.of() : List.copyOf(reactions);
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Without reactions: a new message, or one whose reactions the caller adds next. */
    public static Item of(Message message) {
      Message parent = message.parent();
      return new Item(
          message.id(),
          message.roomId(),
          UserViews.Sender.of(message.sender()),
          message.content(),
          message.messageType(),
          parent == null ? null : parent.id(),
          parent == null ? null : ParentPreview.of(parent),
          message.isEdited(),
          message.createdAt().toInstant(),
          message.updatedAt().toInstant(),
          message.clientId(),
          message.mentions(),
          message.mentionsRoom(),
          List.of(),
          List.of());
    }

    public Item withReactions(List<ReactionCount> counts) {
      return new Item(
          id,
          roomId,
          sender,
          content,
          messageType,
          parentId,
          parent,
          isEdited,
          createdAt,
          updatedAt,
          clientId,
          mentions,
          mentionsRoom,
          counts,
          attachments);
    }

    public Item withAttachments(List<UploadViews.Attachment> files) {
      return new Item(
          id,
          roomId,
          sender,
          content,
          messageType,
          parentId,
          parent,
          isEdited,
          createdAt,
          updatedAt,
          clientId,
          mentions,
          mentionsRoom,
          reactions,
          files);
    }

    /**
     * As a broadcast to every member carries it: the counts, with {@code me} false, as it differs
     * per receiver; clients keep the {@code me} they know.
     */
    public Item forEveryone() {
      return withReactions(reactions.stream().map(ReactionCount::forEveryone).toList());
    }

    /** A message just posted, as its sender's view shows it: no entity needed. */
    static Item posted(
        UUID id,
        UUID roomId,
        UserViews.Sender sender,
        String content,
        Message parent,
        String clientId,
        OffsetDateTime at,
        List<UUID> mentions,
        boolean mentionsRoom,
        List<UploadViews.Attachment> attachments) {
      return new Item(
          id,
          roomId,
          sender,
          content,
          Message.TYPE_TEXT,
          parent == null ? null : parent.id(),
          parent == null ? null : ParentPreview.of(parent),
          false,
          at.toInstant(),
          at.toInstant(),
          clientId,
          mentions,
          mentionsRoom,
          List.of(),
          attachments);
    }
  }

  /** One emoji on a message: how many reacted with it, and whether the caller is one of them. */
  @Schema(name = "Reaction")
  public record ReactionCount(
      @Schema(description = "One RGI emoji, fully qualified") String emoji,
      long count,
      @Schema(description = "The caller reacted with it") boolean me) {
    ReactionCount forEveryone() {
      return new ReactionCount(emoji, count, false);
    }
  }

  /** The answer of PUT and DELETE on a reaction: the message's reactions after the change. */
  @Schema(name = "ReactionSummary")
  public record ReactionSummary(UUID messageId, List<ReactionCount> reactions) {}

  /** What a reply shows of the message it answers: at most 100 characters of it. */
  @Schema(name = "ParentPreview")
  public record ParentPreview(
      UUID id, String senderDisplayName, String content, boolean isDeleted) {
    static ParentPreview of(Message parent) {
      return new ParentPreview(
          parent.id(),
          parent.sender().displayName(),
          preview(parent.content()),
          parent.isDeleted());
    }
  }

  /** One page of history. */
  @Schema(name = "MessagePage")
  public record Page(List<Item> messages, UUID nextCursor, boolean hasMore) {}

  /**
   * History around one message ({@code ?around=}): {@code next_cursor} continues to older messages
   * as {@code cursor=}, {@code newer_cursor} to newer ones as {@code after=}.
   */
  @Schema(name = "MessageWindow")
  public record Window(
      List<Item> messages, UUID nextCursor, boolean hasMore, UUID newerCursor, boolean hasNewer) {}

  /** The caller's read position in a room after {@code POST /rooms/{id}/read}. */
  @Schema(name = "ReadState")
  public record ReadState(Instant lastReadAt, long unreadCount, long mentionCount) {}

  static String preview(String content) {
    if (content.codePointCount(0, content.length()) <= PREVIEW_LENGTH) {
      return content;
    }
    return content.substring(0, content.offsetByCodePoints(0, PREVIEW_LENGTH));
  }
}

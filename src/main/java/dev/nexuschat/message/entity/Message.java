package dev.nexuschat.message.entity;

import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.room.entity.MentionIds;
import dev.nexuschat.user.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A message in a room. Deleting leaves a tombstone (content erased) so cursors and replies that
 * point at it keep working; only its sender may edit it.
 */
@Entity
@Table(name = "messages")
public class Message {
  public static final String TYPE_TEXT = "text";

  @Id private UUID id;

  @Column(name = "room_id", nullable = false)
  private UUID roomId;

  @Column(name = "seq", nullable = false)
  private long seq;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "sender_id", nullable = false)
  private User sender;

  @Column(name = "content", nullable = false)
  private String content;

  @Column(name = "message_type", nullable = false)
  private String messageType;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private Message parent;

  @Column(name = "client_id")
  private String clientId;

  @Column(name = "is_edited", nullable = false)
  private boolean edited;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "deleted_at")
  private OffsetDateTime deletedAt;

  /** It mentions everyone in the room (@room): a flag, not a row per member. */
  @Column(name = "mentions_room", nullable = false)
  private boolean mentionsRoom;

  @Column(name = "mentioned_ids")
  private String mentionedIds;

  /**
   * The root of the thread this reply is in (its parent's root, or its parent): null for a message
   * that answers nothing. Written by the append only; text, as a NULL uuid basic column does not
   * read back on EclipseLink + PostgreSQL.
   */
  @Column(name = "thread_root_id", insertable = false, updatable = false)
  private String threadRootId;

  /** On a root: its replies not deleted, kept under the room lock by appends and deletes. */
  @Column(name = "reply_count", insertable = false, updatable = false)
  private int replyCount;

  @Column(name = "last_reply_at", insertable = false, updatable = false)
  private OffsetDateTime lastReplyAt;

  protected Message() {}

  public static Message post(
      UUID id,
      UUID roomId,
      long seq,
      OffsetDateTime at,
      User sender,
      String content,
      Message parent,
      String clientId) {
    Message message = new Message();
    message.id = Objects.requireNonNull(id);
    message.roomId = Objects.requireNonNull(roomId);
    message.seq = seq;
    message.sender = Objects.requireNonNull(sender);
    message.content = Objects.requireNonNull(content);
    message.messageType = TYPE_TEXT;
    message.parent = parent;
    message.clientId = clientId;
    message.createdAt = at;
    message.updatedAt = at;
    return message;
  }

  public boolean isSentBy(UUID userId) {
    return sender.id().equals(userId);
  }

  public void edit(String newContent) {
    content = Objects.requireNonNull(newContent);
    edited = true;
    updatedAt = Timestamps.now();
  }

  /** Whom the text mentions after an edit: the members named in it, and whether @room. */
  public void mentionsChanged(List<UUID> mentioned, boolean room) {
    mentionedIds = MentionIds.joined(mentioned);
    mentionsRoom = room;
  }

  public void delete() {
    mentionsChanged(List.of(), false);
    content = "";
    deletedAt = Timestamps.now();
    updatedAt = deletedAt;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public UUID id() {
    return id;
  }

  public UUID roomId() {
    return roomId;
  }

  public long seq() {
    return seq;
  }

  public User sender() {
    return sender;
  }

  public String content() {
    return content;
  }

  public String messageType() {
    return messageType;
  }

  public Message parent() {
    return parent;
  }

  public String clientId() {
    return clientId;
  }

  public boolean isEdited() {
    return edited;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public List<UUID> mentions() {
    return MentionIds.parsed(mentionedIds);
  }

  public boolean mentionsRoom() {
    return mentionsRoom;
  }

  public OffsetDateTime deletedAt() {
    return deletedAt;
  }

  /** The thread's root for a reply, null for a message that answers nothing. */
  public UUID threadRootId() {
    return threadRootId == null ? null : UUID.fromString(threadRootId);
  }

  /** The thread this message is in: its root's id (its own, for a root). */
  public UUID threadId() {
    return threadRootId == null ? id : UUID.fromString(threadRootId);
  }

  public int replyCount() {
    return replyCount;
  }

  public OffsetDateTime lastReplyAt() {
    return lastReplyAt;
  }
}

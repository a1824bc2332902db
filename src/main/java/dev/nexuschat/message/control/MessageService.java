package dev.nexuschat.message.control;

import com.github.f4b6a3.uuid.UuidCreator;
import dev.nexuschat.message.entity.Message;
import dev.nexuschat.platform.errors.Conflict;
import dev.nexuschat.platform.errors.FieldError;
import dev.nexuschat.platform.errors.Forbidden;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.errors.NotFound;
import dev.nexuschat.platform.json.TextRules;
import dev.nexuschat.platform.ratelimit.UserLimit;
import dev.nexuschat.platform.ratelimit.UserLimits;
import dev.nexuschat.room.control.Memberships;
import dev.nexuschat.room.control.RoomTimeline;
import dev.nexuschat.room.entity.RoomMember;
import dev.nexuschat.upload.control.Attachments;
import dev.nexuschat.upload.control.UploadViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sending, editing and deleting messages: the one implementation behind REST and WebSocket, so
 * membership, content rules and client_id idempotency are the same on both.
 */
@ApplicationScoped
public class MessageService {
  public static final int MAX_CONTENT = 5000;
  public static final int MAX_CLIENT_ID = 64;

  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject RoomTimeline timeline;
  @Inject UserLimits limits;
  @Inject Reactions reactions;
  @Inject ThreadCounts threadCounts;
  @Inject Attachments attachments;
  @Inject ShownMessages shown;
  @Inject AttachedPost attachedPost;

  @Inject Event<MessagePosted> posted;
  @Inject Event<MessageEdited> edited;
  @Inject Event<MessageDeleted> deleted;
  @Inject Event<ThreadUpdated> threadUpdated;

  /** What a client sends: text, or files (uploads completed in the room), or both. */
  public record Draft(String content, UUID parentId, String clientId, List<UUID> attachments) {
    public Draft(String content, UUID parentId, String clientId) {
      this(content, parentId, clientId, List.of());
    }

    public Draft {
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
  }

  /** The stored message, and whether this call stored it ({@code false}: a client_id repeat). */
  public record Sent(MessageViews.Item message, boolean created) {}

  /**
   * Posts {@code draft}: checked, appended to the room's timeline, announced. Every post counts
   * against the sender's send limit (REST and WebSocket share it) before anything is checked or
   * stored. Inside a caller's transaction the post is part of it, rollback included, and the
   * AFTER_SUCCESS observers of {@link MessagePosted} wait for its commit; on its own (REST,
   * WebSocket) the message is durable when the append returns and they run at once. SUPPORTS, not
   * no interceptor: WebSocket threads need the unit of work it gives the persistence context.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Sent post(UUID senderId, UUID roomId, Draft draft) {
    limits.take(UserLimit.SEND, senderId);
    List<FieldError> errors = new ArrayList<>();
    boolean withFiles = !draft.attachments().isEmpty();
    // with files the text may be empty (a photo on its own), never absent
    String content =
        TextRules.trimmed(
            withFiles && draft.content() == null ? "" : draft.content(),
            "content",
            withFiles ? 0 : 1,
            MAX_CONTENT,
            errors);
    String clientId =
        draft.clientId() == null
            ? null
            : TextRules.trimmed(draft.clientId(), "client_id", 1, MAX_CLIENT_ID, errors);
    if (!errors.isEmpty()) {
      memberships.require(roomId, senderId); // not being in the room is the first answer
      throw new Invalid(errors);
    }
    Message parent = null;
    if (draft.parentId() != null) {
      // A reply reads its parent: only a member may learn whether it is in the room.
      memberships.require(roomId, senderId);
      try {
        parent = parentIn(roomId, draft.parentId());
      } catch (Invalid invalid) {
        // A retried reply whose parent was deleted meanwhile is still a repeat.
        return announced(repeatOf(roomId, senderId, clientId).orElseThrow(() -> invalid), false);
      }
    }
    if (withFiles) {
      // Files are rarer than text: a read before the append is fine here. A repeat's files are
      // attached to the original already, so the repeat is looked for first.
      memberships.require(roomId, senderId);
      Optional<Message> repeat = repeatOf(roomId, senderId, clientId);
      if (repeat.isPresent()) {
        return announced(repeat.get(), false);
      }
      attachments.checkAttachable(senderId, roomId, draft.attachments());
    }
    // No read before the append: it checks the membership itself, under the room lock.
    UUID id = UuidCreator.getTimeOrderedEpoch();
    MentionTokens mentions = MentionTokens.of(content);
    RoomTimeline.Entry entry =
        new RoomTimeline.Entry(
            id,
            content,
            Message.TYPE_TEXT,
            draft.parentId(),
            clientId,
            mentions.usernameKeys(),
            mentions.room());
    List<UploadViews.Attachment> files = List.of();
    Optional<RoomTimeline.Appended> appended;
    if (withFiles) {
      AttachedPost.Stored stored =
          attachedPost.append(roomId, senderId, entry, draft.attachments());
      appended = stored.appended();
      files = stored.files();
    } else {
      appended = timeline.append(roomId, senderId, entry);
    }
    if (appended.isEmpty()) {
      return announced(
          repeatOf(roomId, senderId, clientId)
              .orElseThrow(
                  () -> new Conflict("CONFLICT", "The message changed while sending; send again")),
          false);
    }
    RoomTimeline.Appended at = appended.get();
    MessageViews.Item view =
        MessageViews.Item.posted(
            id,
            roomId,
            at.sender(),
            content,
            parent,
            clientId,
            at.at(),
            at.mentioned(),
            mentions.room(),
            files);
    posted.fire(new MessagePosted(view, at.seq(), false));
    if (view.threadRootId() != null) {
      // The append counted it; read after it, so these counts include this reply.
      threadUpdated.fire(threadCounts.now(roomId, view.threadRootId()));
    }
    return new Sent(view, true);
  }

  /**
   * Fires {@link MessagePosted} for a repeat, as its first announcement may never have gone out,
   * unless it was deleted since (that would bring it back on every screen).
   */
  private Sent announced(Message message, boolean created) {
    MessageViews.Item view = shown.complete(MessageViews.Item.of(message), message.sender().id());
    if (created || !message.isDeleted()) {
      posted.fire(new MessagePosted(view.forEveryone(), message.seq(), !created));
    }
    return new Sent(view, created);
  }

  /** The message the sender stored under {@code clientId} in the room, if any. */
  private Optional<Message> repeatOf(UUID roomId, UUID senderId, String clientId) {
    if (clientId == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "SELECT m FROM Message m WHERE m.roomId = :room"
                + " AND m.sender.id = :sender AND m.clientId = :clientId",
            Message.class)
        .setParameter("room", roomId)
        .setParameter("sender", senderId)
        .setParameter("clientId", clientId)
        .getResultStream()
        .findFirst();
  }

  private Message parentIn(UUID roomId, UUID parentId) {
    if (parentId == null) {
      return null;
    }
    Message parent = em.find(Message.class, parentId);
    if (parent == null || !parent.roomId().equals(roomId) || parent.isDeleted()) {
      throw new Invalid("parent_id", "must be a message of this room");
    }
    return parent;
  }

  @Transactional
  public MessageViews.Item edit(UUID editorId, UUID roomId, UUID messageId, String newContent) {
    memberships.require(roomId, editorId);
    List<FieldError> errors = new ArrayList<>();
    String content = TextRules.trimmed(newContent, "content", 1, MAX_CONTENT, errors);
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    Message message = visibleMessage(roomId, messageId);
    if (!message.isSentBy(editorId)) {
      throw new Forbidden("Only the sender may edit a message");
    }
    message.edit(content);
    remention(message);
    MessageViews.Item view = shown.complete(MessageViews.Item.of(message), editorId);
    edited.fire(new MessageEdited(view.forEveryone()));
    return view;
  }

  /** The sender, or the room's owner or admins. Leaves a tombstone that history skips. */
  @Transactional
  public void delete(UUID callerId, UUID roomId, UUID messageId) {
    RoomMember caller = memberships.require(roomId, callerId);
    Message message = visibleMessage(roomId, messageId);
    if (!message.isSentBy(callerId) && !caller.mayDeleteMessagesOfOthers()) {
      throw new Forbidden("Only the sender, the owner or an admin may delete a message");
    }
    if (message.mentionsRoom() || !message.mentions().isEmpty()) {
      timeline.mentionsRemoved(messageId);
    }
    message.delete();
    reactions.clear(messageId);
    attachments.messageDeleted(messageId); // its files go too, bytes once this commits
    timeline.entryDeleted(roomId, messageId, message.seq()); // takes the room lock
    deleted.fire(new MessageDeleted(roomId, messageId, callerId));
    UUID root = message.threadRootId();
    if (root != null) {
      em.flush(); // the recount reads the tombstone
      threadCounts.recount(root);
      threadUpdated.fire(threadCounts.now(roomId, root));
    }
  }

  /**
   * An edit recomputes whom the message mentions from its new text, as Slack does: a name added
   * mentions that member (counted as unread only above their read mark: the message keeps its
   * place), a name taken out no longer does. An edit that neither had nor has a mention costs
   * nothing.
   */
  private void remention(Message message) {
    MentionTokens mentions = MentionTokens.of(message.content());
    if (!mentions.any() && !message.mentionsRoom() && message.mentions().isEmpty()) {
      return;
    }
    List<UUID> mentioned =
        timeline.mentionsChanged(
            message.roomId(),
            message.id(),
            message.seq(),
            message.createdAt(),
            message.sender().id(),
            mentions.usernameKeys());
    message.mentionsChanged(mentioned, mentions.room());
  }

  private Message visibleMessage(UUID roomId, UUID messageId) {
    Message message = em.find(Message.class, messageId);
    if (message == null || !message.roomId().equals(roomId) || message.isDeleted()) {
      throw new NotFound("No message " + messageId + " in this room");
    }
    return message;
  }
}

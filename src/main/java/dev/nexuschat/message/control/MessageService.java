package dev.nexuschat.message.control;

import dev.nexuschat.message.entity.Message;
import dev.nexuschat.platform.errors.FieldError;
import dev.nexuschat.platform.errors.Forbidden;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.errors.NotFound;
import dev.nexuschat.platform.json.TextRules;
import dev.nexuschat.platform.ratelimit.UserLimit;
import dev.nexuschat.platform.ratelimit.UserLimits;
import dev.nexuschat.room.control.Memberships;
import dev.nexuschat.room.entity.Room;
import dev.nexuschat.room.entity.RoomMember;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
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
  @Inject MessageAppender appender;
  @Inject UserLimits limits;
  @Inject MessageService self;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Inject Event<MessagePosted> posted;
  @Inject Event<MessageEdited> edited;
  @Inject Event<MessageDeleted> deleted;

  /** What a client sends. */
  public record Draft(String content, UUID parentId, String clientId) {}

  /** The stored message, and whether this call stored it ({@code false}: a client_id repeat). */
  public record Sent(MessageViews.Item message, boolean created) {}

  /**
   * Posts {@code draft}. Inside a caller's transaction the post is part of it, rollback included;
   * otherwise it runs without one: on PostgreSQL the append is one autocommit statement (see {@link
   * MessageAppender}), elsewhere the appender runs its own transaction. {@link MessagePosted} is
   * fired once the message is stored: in a caller's transaction its AFTER_SUCCESS observers wait
   * for that commit (and never run on rollback); otherwise the message is already durable and they
   * run at once. Every post counts against the sender's send limit (REST and WebSocket share it),
   * before anything is checked or stored.
   */
  public Sent post(UUID senderId, UUID roomId, Draft draft) {
    limits.take(UserLimit.SEND, senderId);
    return transactions.getTransactionStatus() == Status.STATUS_ACTIVE
        ? self.postInCallersTransaction(senderId, roomId, draft)
        : self.postOnItsOwn(senderId, roomId, draft);
  }

  /** Use {@link #post}; public so that the transaction interceptor applies. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Sent postInCallersTransaction(UUID senderId, UUID roomId, Draft draft) {
    return store(senderId, roomId, draft);
  }

  /**
   * Use {@link #post}; public so that the interceptor applies: it suspends nothing (there is no
   * transaction) but gives the persistence context a unit of work, which WebSocket threads lack.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Sent postOnItsOwn(UUID senderId, UUID roomId, Draft draft) {
    return store(senderId, roomId, draft);
  }

  private Sent store(UUID senderId, UUID roomId, Draft draft) {
    RoomMember sender = memberships.require(roomId, senderId);
    List<FieldError> errors = new ArrayList<>();
    String content = TextRules.trimmed(draft.content(), "content", 1, MAX_CONTENT, errors);
    String clientId =
        draft.clientId() == null
            ? null
            : TextRules.trimmed(draft.clientId(), "client_id", 1, MAX_CLIENT_ID, errors);
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    MessageAppender.Appended appended =
        appender.appendsInOneStatement()
            ? appender.appendInOneStatement(sender, content, draft.parentId(), clientId)
            : appender.appendWithEntities(senderId, roomId, content, draft.parentId(), clientId);
    Message message = appended.message();
    MessageViews.Item view = MessageViews.Item.of(message);
    if (appended.created() || !message.isDeleted()) {
      // A repeat too (not once deleted: that would bring it back on every screen).
      posted.fire(new MessagePosted(view, message.seq(), !appended.created()));
    }
    return new Sent(view, appended.created());
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
    MessageViews.Item view = MessageViews.Item.of(message);
    edited.fire(new MessageEdited(view));
    return view;
  }

  /** The sender, or the room's owner or admins. Leaves a tombstone that history skips. */
  @Transactional
  public void delete(UUID callerId, UUID roomId, UUID messageId) {
    RoomMember caller = memberships.require(roomId, callerId);
    Room room = memberships.lockRoom(roomId);
    Message message = visibleMessage(roomId, messageId);
    if (!message.isSentBy(callerId) && !caller.mayDeleteMessagesOfOthers()) {
      throw new Forbidden("Only the sender, the owner or an admin may delete a message");
    }
    message.delete();
    if (message.id().equals(room.lastMessageId())) {
      List<UUID> previous =
          em.createQuery(
                  "SELECT m.id FROM Message m WHERE m.roomId = :room"
                      + " AND m.deletedAt IS NULL AND m.seq < :seq ORDER BY m.seq DESC",
                  UUID.class)
              .setParameter("room", roomId)
              .setParameter("seq", message.seq())
              .setMaxResults(1)
              .getResultList();
      room.latestMessageIs(previous.isEmpty() ? null : previous.get(0));
    }
    deleted.fire(new MessageDeleted(roomId, messageId, callerId));
  }

  private Message visibleMessage(UUID roomId, UUID messageId) {
    Message message = em.find(Message.class, messageId);
    if (message == null || !message.roomId().equals(roomId) || message.isDeleted()) {
      throw new NotFound("No message " + messageId + " in this room");
    }
    return message;
  }
}

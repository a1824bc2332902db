package dev.nexuschat.message.control;

import dev.nexuschat.message.entity.Message;
import dev.nexuschat.message.entity.Reaction;
import dev.nexuschat.platform.errors.Conflict;
import dev.nexuschat.platform.errors.NotFound;
import dev.nexuschat.platform.ratelimit.UserLimit;
import dev.nexuschat.platform.ratelimit.UserLimits;
import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.room.control.Memberships;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Adding and removing the caller's reaction. Both are idempotent: a repeat changes nothing and
 * announces nothing. Changes to one message's reactions are serialised by locking its row, so the
 * distinct-emoji bound and the counts in events hold under concurrent clicks.
 */
@ApplicationScoped
public class ReactionService {
  /** Keeps every message view bounded: Slack allows 50 different emoji per message too. */
  public static final int MAX_DISTINCT_EMOJI = 50;

  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject Reactions reactions;
  @Inject UserLimits limits;
  @Inject Event<ReactionAdded> added;
  @Inject Event<ReactionRemoved> removed;

  @Transactional
  public MessageViews.ReactionSummary add(
      UUID userId, UUID roomId, UUID messageId, String candidate) {
    String emoji = checked(userId, roomId, candidate);
    lockVisible(roomId, messageId);
    Reaction.Key key = new Reaction.Key(messageId, userId, emoji);
    if (reactions.find(key) == null) {
      if (reactions.count(messageId, emoji) == 0
          && reactions.distinctEmoji(messageId) >= MAX_DISTINCT_EMOJI) {
        throw new Conflict(
            "TOO_MANY_REACTIONS",
            "A message carries at most " + MAX_DISTINCT_EMOJI + " different emoji");
      }
      em.persist(new Reaction(messageId, userId, emoji, Timestamps.now()));
      em.flush();
      added.fire(
          new ReactionAdded(roomId, messageId, emoji, userId, reactions.count(messageId, emoji)));
    }
    return new MessageViews.ReactionSummary(messageId, reactions.of(messageId, userId));
  }

  @Transactional
  public MessageViews.ReactionSummary remove(
      UUID userId, UUID roomId, UUID messageId, String candidate) {
    String emoji = checked(userId, roomId, candidate);
    lockVisible(roomId, messageId);
    Reaction reaction = reactions.find(new Reaction.Key(messageId, userId, emoji));
    if (reaction != null) {
      em.remove(reaction);
      em.flush();
      removed.fire(
          new ReactionRemoved(roomId, messageId, emoji, userId, reactions.count(messageId, emoji)));
    }
    return new MessageViews.ReactionSummary(messageId, reactions.of(messageId, userId));
  }

  /** Counts against the limit, then: a member of the room (403/404), and one emoji (400). */
  private String checked(UUID userId, UUID roomId, String candidate) {
    limits.take(UserLimit.REACT, userId);
    memberships.require(roomId, userId);
    return ReactionEmoji.require(candidate);
  }

  /**
   * Like editing: a deleted message, or one of another room, is not there (404). Checked before the
   * lock, so a request naming another room's message never waits on (or holds) its row.
   */
  private void lockVisible(UUID roomId, UUID messageId) {
    Message message = em.find(Message.class, messageId);
    if (message == null || !message.roomId().equals(roomId) || message.isDeleted()) {
      throw new NotFound("No message " + messageId + " in this room");
    }
    em.refresh(message, LockModeType.PESSIMISTIC_WRITE);
    if (message.isDeleted()) {
      throw new NotFound("No message " + messageId + " in this room");
    }
  }
}

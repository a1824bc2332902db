package dev.nexuschat.message.control;

import dev.nexuschat.message.entity.Message;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.room.control.Memberships;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * History pages by keyset on the room sequence: each page is one index seek on {@code (room_id,
 * seq)}, and every message appears exactly once across pages, however many share a timestamp and
 * whatever arrives meanwhile. Sequence order is also {@code created_at} order.
 */
@ApplicationScoped
public class MessageHistory {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;

  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject ShownMessages shown;

  @Transactional
  public MessageViews.Page page(UUID userId, UUID roomId, HistoryCursor cursor, int limit) {
    memberships.require(roomId, userId);
    boolean forward = cursor.direction() == HistoryCursor.Direction.AFTER;
    long from =
        switch (cursor.direction()) {
          case LATEST -> Long.MAX_VALUE;
          case BEFORE, AFTER -> seqOf(roomId, cursor);
        };
    List<Message> found = slice(roomId, from, forward ? ">" : "<", limit + 1);
    boolean hasMore = found.size() > limit;
    if (hasMore) {
      found.remove(found.size() - 1);
    }
    if (!forward) {
      Collections.reverse(found);
    }
    UUID next =
        !hasMore || found.isEmpty()
            ? null
            : forward ? found.get(found.size() - 1).id() : found.get(0).id();
    List<MessageViews.Item> items =
        shown.complete(found.stream().map(MessageViews.Item::of).toList(), userId);
    return new MessageViews.Page(items, next, hasMore);
  }

  /**
   * The page around a message, for opening history at a search result: up to half of {@code limit}
   * older messages, the message itself and newer ones after it. {@code next_cursor} pages on to
   * older messages ({@code cursor=}), {@code newer_cursor} to newer ones ({@code after=}). The
   * message must be visible: a deleted one, or one of another room, is a bad {@code around}.
   */
  @Transactional
  public MessageViews.Window around(UUID userId, UUID roomId, UUID messageId, int limit) {
    memberships.require(roomId, userId);
    List<Long> seq =
        em.createQuery(
                "SELECT m.seq FROM Message m WHERE m.id = :id AND m.roomId = :room"
                    + " AND m.deletedAt IS NULL",
                Long.class)
            .setParameter("id", messageId)
            .setParameter("room", roomId)
            .getResultList();
    if (seq.isEmpty()) {
      throw new Invalid("around", "is not a message of this room (or it was deleted)");
    }
    int olderWanted = (limit - 1) / 2;
    int newerWanted = limit - olderWanted; // the message itself, then newer ones
    List<Message> older = slice(roomId, seq.get(0), "<", olderWanted + 1);
    List<Message> newer = slice(roomId, seq.get(0), ">=", newerWanted + 1);
    boolean hasOlder = older.size() > olderWanted;
    boolean hasNewer = newer.size() > newerWanted;
    List<Message> window = new ArrayList<>(older.subList(0, Math.min(older.size(), olderWanted)));
    Collections.reverse(window);
    window.addAll(newer.subList(0, Math.min(newer.size(), newerWanted)));
    return new MessageViews.Window(
        shown.complete(window.stream().map(MessageViews.Item::of).toList(), userId),
        hasOlder ? window.get(0).id() : null,
        hasOlder,
        hasNewer ? window.get(window.size() - 1).id() : null,
        hasNewer);
  }

  /** Visible messages on one side of {@code from}: newest first for "<", oldest first otherwise. */
  private List<Message> slice(UUID roomId, long from, String comparison, int max) {
    boolean forward = !comparison.startsWith("<");
    TypedQuery<Message> query =
        em.createQuery(
                "SELECT m FROM Message m WHERE m.roomId = :room"
                    + " AND m.deletedAt IS NULL AND m.seq "
                    + comparison
                    + " :from"
                    + " ORDER BY m.seq "
                    + (forward ? "ASC" : "DESC"),
                Message.class)
            .setParameter("room", roomId)
            .setParameter("from", from)
            .setHint("eclipselink.join-fetch", "m.sender")
            .setHint("eclipselink.left-join-fetch", "m.parent.sender")
            .setMaxResults(max);
    return new ArrayList<>(query.getResultList());
  }

  /** A cursor may point at a deleted message: its tombstone keeps its place. */
  private long seqOf(UUID roomId, HistoryCursor cursor) {
    List<Long> seq =
        em.createQuery(
                "SELECT m.seq FROM Message m WHERE m.id = :id AND m.roomId = :room", Long.class)
            .setParameter("id", cursor.messageId())
            .setParameter("room", roomId)
            .getResultList();
    if (seq.isEmpty()) {
      throw new Invalid(cursor.fieldName(), "is not a message of this room");
    }
    return seq.get(0);
  }
}

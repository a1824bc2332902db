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
  @Inject Reactions reactions;

  @Transactional
  public MessageViews.Page page(UUID userId, UUID roomId, HistoryCursor cursor, int limit) {
    memberships.require(roomId, userId);
    boolean forward = cursor.direction() == HistoryCursor.Direction.AFTER;
    long from =
        switch (cursor.direction()) {
          case LATEST -> Long.MAX_VALUE;
          case BEFORE, AFTER -> seqOf(roomId, cursor);
        };
    TypedQuery<Message> query =
        em.createQuery(
                "SELECT m FROM Message m WHERE m.roomId = :room"
                    + " AND m.deletedAt IS NULL AND m.seq "
                    + (forward ? ">" : "<")
                    + " :from"
                    + " ORDER BY m.seq "
                    + (forward ? "ASC" : "DESC"),
                Message.class)
            .setParameter("room", roomId)
            .setParameter("from", from)
            .setHint("eclipselink.join-fetch", "m.sender")
            .setHint("eclipselink.left-join-fetch", "m.parent.sender")
            .setMaxResults(limit + 1);
    List<Message> found = new ArrayList<>(query.getResultList());
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
        reactions.attach(found.stream().map(MessageViews.Item::of).toList(), userId);
    return new MessageViews.Page(items, next, hasMore);
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

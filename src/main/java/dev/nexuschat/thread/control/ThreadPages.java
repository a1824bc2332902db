package dev.nexuschat.thread.control;

import dev.nexuschat.message.control.MessageViews;
import dev.nexuschat.message.control.ShownMessages;
import dev.nexuschat.message.entity.Message;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.web.Ids;
import dev.nexuschat.room.control.Memberships;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /rooms/{id}/messages/{mid}/thread}: the root and its replies oldest first, keyset on
 * the room sequence like history ({@code ix_messages_thread_seq}: one index range a page), so every
 * reply appears once across pages while new ones arrive. The cursor is the id of the last reply of
 * the page before.
 */
@ApplicationScoped
public class ThreadPages {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;

  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject ThreadRoots roots;
  @Inject ThreadFollows follows;
  @Inject ShownMessages shown;

  @Transactional
  public ThreadViews.Page page(UUID userId, UUID roomId, UUID messageId, String cursor, int limit) {
    memberships.require(roomId, userId);
    UUID after = cursor == null || cursor.isBlank() ? null : Ids.field(cursor.strip(), "cursor");
    Message root = roots.rootOf(roomId, messageId);
    long from = root.seq();
    if (after != null) {
      Long seq = after.equals(root.id()) ? null : roots.seqInThread(root, after);
      if (seq == null) {
        throw new Invalid("cursor", "is not a reply of this thread");
      }
      from = seq;
    }
    @SuppressWarnings("unchecked")
    List<Object> ids =
        new ArrayList<>(
            em.createNativeQuery(
                    "SELECT id FROM messages WHERE thread_root_id = ?1 AND seq > ?2"
                        + " AND deleted_at IS NULL ORDER BY seq")
                .setParameter(1, root.id())
                .setParameter(2, from)
                .setMaxResults(limit + 1)
                .getResultList());
    boolean hasMore = ids.size() > limit;
    if (hasMore) {
      ids.remove(ids.size() - 1);
    }
    List<Message> replies = load(ids.stream().map(ThreadPages::uuid).toList());
    List<MessageViews.Item> items = new ArrayList<>(replies.size() + 1);
    items.add(MessageViews.Item.of(root));
    replies.forEach(reply -> items.add(MessageViews.Item.of(reply)));
    List<MessageViews.Item> shown = this.shown.complete(items, userId);
    ThreadViews.State state = follows.state(userId, roomId, root.id());
    return new ThreadViews.Page(
        shown.get(0),
        shown.subList(1, shown.size()),
        hasMore && !replies.isEmpty() ? replies.get(replies.size() - 1).id() : null,
        hasMore,
        state.following(),
        state.unreadCount());
  }

  /** The messages of {@code ids}, in that order, with their senders and parents in one query. */
  private List<Message> load(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Message> byId = new HashMap<>();
    em.createQuery("SELECT m FROM Message m WHERE m.id IN :ids", Message.class)
        .setParameter("ids", ids)
        .setHint("eclipselink.join-fetch", "m.sender")
        .setHint("eclipselink.left-join-fetch", "m.parent.sender")
        .getResultList()
        .forEach(message -> byId.put(message.id(), message));
    return ids.stream().map(byId::get).toList();
  }

  static UUID uuid(Object value) {
    return value instanceof UUID id ? id : UUID.fromString(value.toString());
  }
}

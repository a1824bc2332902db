package dev.nexuschat.thread.control;

import dev.nexuschat.message.control.MessageViews;
import dev.nexuschat.message.control.ShownMessages;
import dev.nexuschat.message.entity.Message;
import dev.nexuschat.room.control.Memberships;
import dev.nexuschat.room.entity.Room;
import dev.nexuschat.room.entity.RoomMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /threads}: the threads the caller follows in the rooms they are in now (leaving a room
 * takes its threads out), the most recent reply first; keyset on (newest reply time, root id). A
 * thread whose replies are all deleted has no newest reply and is not listed. Four queries a page,
 * whatever its size, plus one per direct conversation on it (its peer's name).
 */
@ApplicationScoped
public class ThreadInbox {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 50;

  private static final String PAGE =
      "SELECT f.root_id, "
          + ThreadFollows.UNREAD
          + " FROM thread_follows f"
          + " JOIN room_members me ON me.room_id = f.room_id AND me.user_id = f.user_id"
          + " JOIN messages root ON root.id = f.root_id"
          + " WHERE f.user_id = ?1 AND f.following AND root.last_reply_at IS NOT NULL %s"
          + " ORDER BY root.last_reply_at DESC, root.id DESC";

  @PersistenceContext EntityManager em;
  @Inject ThreadFollows follows;
  @Inject Memberships memberships;
  @Inject ShownMessages shown;

  @Transactional
  public ThreadViews.Inbox page(UUID userId, String cursorParam, int limit) {
    ThreadCursor cursor = ThreadCursor.parse(cursorParam);
    var query =
        em.createNativeQuery(
                PAGE.formatted(
                    cursor == null
                        ? ""
                        : "AND (root.last_reply_at < ?2"
                            + " OR (root.last_reply_at = ?2 AND root.id < ?3))"))
            .setParameter(1, userId)
            .setMaxResults(limit + 1);
    if (cursor != null) {
      query.setParameter(2, cursor.at()).setParameter(3, cursor.rootId());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = new ArrayList<>(query.getResultList());
    boolean hasMore = rows.size() > limit;
    if (hasMore) {
      rows.remove(rows.size() - 1);
    }
    List<UUID> ids = rows.stream().map(row -> ThreadPages.uuid(row[0])).toList();
    Map<UUID, Message> roots = messages(ids);
    Map<UUID, Room> rooms = rooms(roots.values().stream().map(Message::roomId).toList());
    List<MessageViews.Item> views =
        shown.complete(
            ids.stream().map(id -> MessageViews.Item.of(roots.get(id))).toList(), userId);
    List<ThreadViews.Item> items = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      Message root = roots.get(ids.get(i));
      Room room = rooms.get(root.roomId());
      Instant lastReplyAt = root.lastReplyAt() == null ? null : root.lastReplyAt().toInstant();
      items.add(
          new ThreadViews.Item(
              room.id(),
              room.isDirect() ? peerName(room.id(), userId) : room.name(),
              room.isDirect(),
              views.get(i),
              ((Number) rows.get(i)[1]).longValue(),
              lastReplyAt));
    }
    String next = null;
    if (hasMore && !ids.isEmpty()) {
      Message last = roots.get(ids.get(ids.size() - 1));
      next = new ThreadCursor(last.lastReplyAt(), last.id()).encoded();
    }
    ThreadViews.Totals totals = follows.totals(userId);
    return new ThreadViews.Inbox(
        items, next, hasMore, totals.unreadReplies(), totals.unreadThreads());
  }

  private String peerName(UUID roomId, UUID userId) {
    return memberships.members(roomId).stream()
        .map(RoomMember::user)
        .filter(user -> !user.id().equals(userId))
        .map(user -> user.displayName())
        .findFirst()
        .orElse(null);
  }

  private Map<UUID, Message> messages(List<UUID> ids) {
    Map<UUID, Message> byId = new HashMap<>();
    if (ids.isEmpty()) {
      return byId;
    }
    em.createQuery("SELECT m FROM Message m WHERE m.id IN :ids", Message.class)
        .setParameter("ids", ids)
        .setHint("eclipselink.join-fetch", "m.sender")
        .setHint("eclipselink.left-join-fetch", "m.parent.sender")
        .getResultList()
        .forEach(message -> byId.put(message.id(), message));
    return byId;
  }

  private Map<UUID, Room> rooms(List<UUID> ids) {
    Map<UUID, Room> byId = new HashMap<>();
    if (ids.isEmpty()) {
      return byId;
    }
    em.createQuery("SELECT r FROM Room r WHERE r.id IN :ids", Room.class)
        .setParameter("ids", ids.stream().distinct().toList())
        .getResultList()
        .forEach(room -> byId.put(room.id(), room));
    return byId;
  }
}

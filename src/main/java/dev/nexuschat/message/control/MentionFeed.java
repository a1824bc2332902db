package dev.nexuschat.message.control;

import dev.nexuschat.message.entity.Message;
import dev.nexuschat.room.entity.Room;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /mentions}: the messages that mention the caller, by name or @room, in the rooms they
 * are in now (leaving a room takes its mentions out), newest first. Keyset on (time, message id)
 * over two index ranges: the caller's mention rows, and the @room messages of their rooms since
 * they joined (others' only). Three queries a page, whatever its size.
 */
@ApplicationScoped
public class MentionFeed {
  public static final int DEFAULT_LIMIT = 30;
  public static final int MAX_LIMIT = 100;

  private static final String PAGE =
      """
      SELECT x.id, x.at FROM (
        SELECT mm.message_id AS id, mm.created_at AS at
          FROM message_mentions mm
          JOIN room_members me ON me.room_id = mm.room_id AND me.user_id = mm.user_id
         WHERE mm.user_id = ?1 %1$s
        UNION ALL
        SELECT m.id AS id, m.created_at AS at
          FROM room_members me
          JOIN messages m ON m.room_id = me.room_id
         WHERE me.user_id = ?1 AND m.mentions_room AND m.sender_id <> ?1
           AND m.deleted_at IS NULL AND m.created_at >= me.joined_at %2$s
      ) x
      ORDER BY x.at DESC, x.id DESC
      """;

  @PersistenceContext EntityManager em;
  @Inject ShownMessages shown;

  /** One mention: the message, and the room it is in. */
  @Schema(name = "Mention")
  public record Item(
      UUID roomId,
      @Schema(description = "The room's name; for a direct conversation, the sender's")
          String roomName,
      boolean roomIsDirect,
      MessageViews.Item message) {}

  @Schema(name = "MentionPage")
  public record Page(
      List<Item> mentions,
      @Schema(description = "Opaque: pass as cursor for the next (older) page; null at the end")
          String nextCursor,
      boolean hasMore) {}

  @Transactional
  public Page page(UUID userId, String cursorParam, int limit) {
    MentionCursor cursor = MentionCursor.parse(cursorParam);
    String sql =
        cursor == null
            ? PAGE.formatted("", "")
            : PAGE.formatted(
                "AND (mm.created_at < ?2 OR (mm.created_at = ?2 AND mm.message_id < ?3))",
                "AND (m.created_at < ?2 OR (m.created_at = ?2 AND m.id < ?3))");
    var query = em.createNativeQuery(sql).setParameter(1, userId).setMaxResults(limit + 1);
    if (cursor != null) {
      query.setParameter(2, cursor.at()).setParameter(3, cursor.messageId());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = new ArrayList<>(query.getResultList());
    boolean hasMore = rows.size() > limit;
    if (hasMore) {
      rows.remove(rows.size() - 1);
    }
    List<UUID> ids = rows.stream().map(row -> uuid(row[0])).toList();
    Map<UUID, Message> messages = messages(ids);
    Map<UUID, Room> rooms = rooms(messages.values().stream().map(Message::roomId).toList());
    List<MessageViews.Item> views =
        shown.complete(
            ids.stream().map(id -> MessageViews.Item.of(messages.get(id))).toList(), userId);
    List<Item> items = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      Message message = messages.get(ids.get(i));
      Room room = rooms.get(message.roomId());
      items.add(
          new Item(
              room.id(),
              room.isDirect() ? message.sender().displayName() : room.name(),
              room.isDirect(),
              views.get(i)));
    }
    String next = null;
    if (hasMore && !items.isEmpty()) {
      Message last = messages.get(ids.get(ids.size() - 1));
      next = new MentionCursor(last.createdAt(), last.id()).encoded();
    }
    return new Page(items, next, hasMore);
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

  private static UUID uuid(Object value) {
    return value instanceof UUID id ? id : UUID.fromString(value.toString());
  }
}

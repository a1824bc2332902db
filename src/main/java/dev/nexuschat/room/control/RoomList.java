package dev.nexuschat.room.control;

import dev.nexuschat.presence.control.PresenceDirectory;
import dev.nexuschat.user.control.UserViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The caller's room list in one query, whatever the number of rooms: last message, member count and
 * read position are denormalised on the rows, and the unread count is {@link RoomTimeline#UNREAD}.
 * Own messages never count: posting moves the poster's mark. The peer of a direct room is joined
 * through a CASE so that group rooms do not even touch their member index.
 */
@ApplicationScoped
public class RoomList {
  static final String QUERY =
      """
      SELECT r.id, r.name, r.description, r.is_direct, r.created_at, r.member_count, me.role,
             %s,
             lm.id, lm.content, lm.created_at, lu.id, lu.username,
             p.id, p.username, p.display_name, p.avatar_url,
             %s, me.muted
        FROM room_members me
        JOIN rooms r ON r.id = me.room_id
        LEFT JOIN messages lm ON lm.id = r.last_message_id
        LEFT JOIN users lu ON lu.id = lm.sender_id
        LEFT JOIN room_members pm
               ON pm.room_id = CASE WHEN r.is_direct THEN r.id END AND pm.user_id <> me.user_id
        LEFT JOIN users p ON p.id = pm.user_id
       WHERE me.user_id = ?1
       ORDER BY r.last_activity_at DESC, r.created_at DESC, r.id
      """
          .formatted(RoomTimeline.UNREAD, RoomTimeline.UNREAD_MENTIONS);

  @PersistenceContext EntityManager em;
  @Inject PresenceDirectory presence;

  public List<RoomViews.ListItem> of(UUID userId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(QUERY).setParameter(1, userId).getResultList();
    List<UUID> peerIds = rows.stream().filter(r -> r[13] != null).map(r -> uuid(r[13])).toList();
    Set<UUID> online = presence.onlineAmong(peerIds);
    List<RoomViews.ListItem> items = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      UserViews.Summary peer =
          row[13] == null
              ? null
              : new UserViews.Summary(
                  uuid(row[13]),
                  (String) row[14],
                  (String) row[15],
                  (String) row[16],
                  online.contains(uuid(row[13])));
      RoomViews.LastMessage last =
          row[8] == null
              ? null
              : new RoomViews.LastMessage(
                  uuid(row[8]), (String) row[9], uuid(row[11]), (String) row[12], instant(row[10]));
      boolean direct = (Boolean) row[3];
      items.add(
          new RoomViews.ListItem(
              uuid(row[0]),
              direct ? RoomViews.directName(peer) : (String) row[1],
              (String) row[2],
              direct,
              instant(row[4]),
              (String) row[6],
              peer,
              last,
              ((Number) row[7]).longValue(),
              ((Number) row[5]).intValue(),
              ((Number) row[17]).longValue(),
              (Boolean) row[18]));
    }
    return items;
  }

  private static UUID uuid(Object value) {
    return value instanceof UUID id ? id : UUID.fromString(value.toString());
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}

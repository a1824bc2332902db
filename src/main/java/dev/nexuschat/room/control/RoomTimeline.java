package dev.nexuschat.room.control;

import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.room.entity.Room;
import dev.nexuschat.room.entity.RoomMember;
import dev.nexuschat.user.control.UserViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A room's timeline, the one owner of its rules: each message takes the room's next number under
 * the room lock, its time never goes backwards, the room remembers its newest visible message and
 * last activity, a member's read mark only moves forward (posting moves the poster's), and the
 * unread count is the distance from the mark to the newest number less the deleted messages in
 * between. The messages rows are the timeline's entries; what a message says and who may change it
 * is the message feature's.
 */
@ApplicationScoped
public class RoomTimeline {
  /**
   * The unread count of member {@code me} in room {@code r}, as SQL over those two aliases: the one
   * definition the room list and the read marks use. The deleted messages in between are a seek on
   * a small partial index.
   */
  public static final String UNREAD =
      "r.last_seq - me.last_read_seq - (SELECT COUNT(*) FROM messages d WHERE d.room_id = r.id"
          + " AND d.deleted_at IS NOT NULL AND d.seq > me.last_read_seq)";

  /**
   * The unread mentions of member {@code me} in room {@code r} (same aliases as {@link #UNREAD}):
   * their mention rows above their mark, plus the room's @room messages above it by others. A
   * deleted message has no rows and no flag any more.
   */
  public static final String UNREAD_MENTIONS =
      "(SELECT COUNT(*) FROM message_mentions mm WHERE mm.user_id = me.user_id"
          + " AND mm.room_id = r.id AND mm.seq > me.last_read_seq)"
          + " + (SELECT COUNT(*) FROM messages rm WHERE rm.room_id = r.id AND rm.mentions_room"
          + " AND rm.seq > me.last_read_seq AND rm.sender_id <> me.user_id)";

  /**
   * A message as the timeline stores it. {@code mentionedKeys}: the username keys its text mentions
   * (the append keeps those of members other than the sender); {@code mentionsRoom}: it mentions
   * everyone (@room).
   */
  public record Entry(
      UUID id,
      String content,
      String type,
      UUID parentId,
      String clientId,
      List<String> mentionedKeys,
      boolean mentionsRoom) {
    public Entry(UUID id, String content, String type, UUID parentId, String clientId) {
      this(id, content, type, parentId, clientId, List.of(), false);
    }

    public Entry {
      mentionedKeys = List.copyOf(mentionedKeys);
    }
  }

  /**
   * Where an entry went: its number in the room and its time; its sender as views show them; and
   * the members it mentions by name, stored with it.
   */
  public record Appended(
      long seq, OffsetDateTime at, UserViews.Sender sender, List<UUID> mentioned) {
    public Appended {
      mentioned = mentioned == null ? List.of() : List.copyOf(mentioned);
    }
  }

  @PersistenceContext EntityManager em;
  @Inject TimelineAppend appends;
  @Inject Memberships memberships;
  @Inject MentionRows mentionRows;
  @Inject ThreadRows threadRows;

  /**
   * Appends {@code entry} by {@code senderId} to room {@code roomId}. Their membership is checked
   * by the append itself, once it holds the room (a removal that committed meanwhile counts), so no
   * read comes before it. Empty when the sender's client_id is already in the room: a repeat, for
   * the caller to look up. 403 when they are not a member, 404 when the room does not exist, 409
   * when they joined while this waited for the room.
   */
  public Optional<Appended> append(UUID roomId, UUID senderId, Entry entry) {
    return appends.append(roomId, senderId, entry);
  }

  /** The number of the room's newest message (0 when none was ever posted). */
  public long newestSeq(UUID roomId) {
    return memberships.room(roomId).lastSeq();
  }

  /** Moves {@code member}'s mark to {@code seq} unless it is past it already: never backwards. */
  public void markRead(RoomMember member, long seq, OffsetDateTime at) {
    em.createQuery(
            "UPDATE RoomMember m SET m.lastReadSeq = :seq, m.lastReadAt = :at"
                + " WHERE m.id = :id AND m.lastReadSeq <= :seq")
        .setParameter("seq", seq)
        .setParameter("at", at)
        .setParameter("id", member.id())
        .executeUpdate();
  }

  /** {@code member}'s unread count, as it is now in the database. */
  public long unread(RoomMember member) {
    return count(UNREAD, member);
  }

  /** {@code member}'s unread mentions, as they are now in the database. */
  public long unreadMentions(RoomMember member) {
    return count(UNREAD_MENTIONS, member);
  }

  private long count(String expression, RoomMember member) {
    Object count =
        em.createNativeQuery(
                "SELECT "
                    + expression
                    + " FROM room_members me JOIN rooms r ON r.id = me.room_id WHERE me.id = ?1")
            .setParameter(1, member.id())
            .getSingleResult();
    return Math.max(0, ((Number) count).longValue());
  }

  /**
   * A message of the room was deleted: if it was the newest visible one, the one before it is now
   * (or none). Under the room lock, so a message posted meanwhile stays the newest.
   */
  public void entryDeleted(UUID roomId, UUID entryId, long seq) {
    Room room = memberships.lockRoom(roomId);
    if (!entryId.equals(room.lastMessageId())) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object> previous =
        em.createNativeQuery(
                "SELECT id FROM messages WHERE room_id = ?1 AND deleted_at IS NULL AND seq < ?2"
                    + " ORDER BY seq DESC")
            .setParameter(1, roomId)
            .setParameter(2, seq)
            .setMaxResults(1)
            .getResultList();
    room.latestMessageIs(previous.isEmpty() ? null : uuid(previous.get(0)));
  }

  /**
   * The text of a message changed: its mentions by name become those of {@code mentionedKeys}
   * (members other than the sender, resolved under the room lock, like the append's). Mentions keep
   * the message's place, so one added by an edit counts as unread only above the reader's mark.
   * Answers the mentioned ids.
   */
  public List<UUID> mentionsChanged(
      UUID roomId,
      UUID messageId,
      long seq,
      OffsetDateTime at,
      UUID senderId,
      List<String> mentionedKeys) {
    memberships.lockRoom(roomId);
    mentionRows.remove(messageId);
    List<UUID> mentioned = mentionRows.members(roomId, senderId, mentionedKeys);
    mentionRows.insert(messageId, roomId, seq, at, mentioned);
    threadRows.mentioned(messageId, mentioned, Timestamps.now()); // PostgreSQL's trigger did too
    return mentioned;
  }

  /** A message was deleted: it mentions nobody any more. */
  public void mentionsRemoved(UUID messageId) {
    mentionRows.remove(messageId);
  }

  static UUID uuid(Object value) {
    return value instanceof UUID id ? id : UUID.fromString(value.toString());
  }
}

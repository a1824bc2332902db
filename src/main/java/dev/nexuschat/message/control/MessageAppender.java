package dev.nexuschat.message.control;

import com.github.f4b6a3.uuid.UuidCreator;
import dev.nexuschat.message.entity.Message;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.errors.NotFound;
import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.room.control.Memberships;
import dev.nexuschat.room.entity.Room;
import dev.nexuschat.room.entity.RoomMember;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Appends a message to its room's history inside the caller's transaction: locks the room row,
 * answers a client_id repeat with the stored message, takes the room's next number and a time that
 * never goes backwards, stores the message, moves the room's latest message and the poster's read
 * mark.
 *
 * <p>The room lock is what every sender of a room waits for, so on PostgreSQL all of that is one
 * statement (a data-modifying CTE) and the lock is held for that statement and the commit only,
 * never across a round trip to this node, which on a busy machine may not get the CPU back for a
 * while. Other databases (the embedded H2 default) take the entity path: the same rules with JPA.
 */
@ApplicationScoped
public class MessageAppender {
  /**
   * Locks the room, takes its next number and a time that never goes backwards, stores the message
   * unless the sender's client_id is already stored in the room (then it returns no row), and moves
   * the room's latest message and the poster's read mark. One statement, so the room lock is held
   * by PostgreSQL alone until the commit, never across a round trip to this node.
   */
  private static final String APPEND =
      """
      WITH room AS (
        SELECT id, last_seq + 1 AS seq, GREATEST(last_activity_at, CAST(?2 AS timestamptz)) AS at
        FROM rooms WHERE id = CAST(?1 AS uuid) FOR UPDATE),
      message AS (
        INSERT INTO messages (id, room_id, seq, sender_id, content, message_type, parent_id,
            client_id, is_edited, created_at, updated_at)
        SELECT CAST(?3 AS uuid), room.id, room.seq, CAST(?4 AS uuid), CAST(?5 AS varchar),
            CAST(?6 AS varchar), CAST(?7 AS uuid), CAST(?8 AS varchar), false, room.at, room.at
        FROM room
        ON CONFLICT (room_id, sender_id, client_id) DO NOTHING
        RETURNING id, room_id, seq, created_at),
      moved AS (
        UPDATE rooms SET last_seq = message.seq, last_message_id = message.id,
            last_activity_at = message.created_at
        FROM message WHERE rooms.id = message.room_id),
      mark AS (
        UPDATE room_members SET last_read_seq = message.seq, last_read_at = message.created_at
        FROM message
        WHERE room_members.id = CAST(?9 AS uuid) AND room_members.last_read_seq < message.seq)
      SELECT seq, CAST(EXTRACT(EPOCH FROM created_at) * 1000 AS bigint) FROM message
      """;

  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;

  @Resource(lookup = "jdbc/nexus")
  DataSource dataSource;

  private volatile Boolean postgres;

  /** What {@link #append} did: stored {@code message}, or found it stored under the client_id. */
  public record Appended(Message message, boolean created) {}

  public Appended append(RoomMember sender, String content, UUID parentId, String clientId) {
    return onPostgres()
        ? appendWithStatements(sender, content, parentId, clientId)
        : appendWithEntities(sender, content, parentId, clientId);
  }

  private Appended appendWithStatements(
      RoomMember sender, String content, UUID parentId, String clientId) {
    Message parent = parentId == null ? null : validParentOrRepeat(sender, parentId, clientId);
    if (parentId != null && parent == null) {
      return new Appended(repeatOf(sender, clientId).orElseThrow(), false);
    }
    UUID id = UuidCreator.getTimeOrderedEpoch();
    List<?> stored =
        em.createNativeQuery(APPEND)
            .setParameter(1, sender.roomId().toString())
            .setParameter(2, Timestamps.now().toString())
            .setParameter(3, id.toString())
            .setParameter(4, sender.userId().toString())
            .setParameter(5, content)
            .setParameter(6, Message.TYPE_TEXT)
            .setParameter(7, parentId == null ? null : parentId.toString())
            .setParameter(8, clientId)
            .setParameter(9, sender.id().toString())
            .getResultList();
    if (stored.isEmpty()) {
      // No row: the client_id is taken (or the room is gone since the membership was read).
      Message repeat =
          repeatOf(sender, clientId).orElseThrow(() -> new NotFound("No room " + sender.roomId()));
      return new Appended(repeat, false);
    }
    Object[] row = (Object[]) stored.get(0);
    OffsetDateTime at =
        Instant.ofEpochMilli(((Number) row[1]).longValue()).atOffset(ZoneOffset.UTC);
    Message message =
        Message.post(
            id,
            sender.roomId(),
            ((Number) row[0]).longValue(),
            at,
            sender.user(),
            content,
            parent,
            clientId);
    return new Appended(message, true);
  }

  /**
   * The parent of a reply, or {@code null} when it is no longer valid but this exact reply is
   * already stored (a retry after its parent was deleted is still a repeat).
   */
  private Message validParentOrRepeat(RoomMember sender, UUID parentId, String clientId) {
    try {
      return parentIn(sender.roomId(), parentId);
    } catch (Invalid invalid) {
      if (repeatOf(sender, clientId).isPresent()) {
        return null;
      }
      throw invalid;
    }
  }

  private Appended appendWithEntities(
      RoomMember sender, String content, UUID parentId, String clientId) {
    Room room = memberships.lockRoom(sender.roomId());
    Optional<Message> repeat = repeatOf(sender, clientId);
    if (repeat.isPresent()) {
      return new Appended(repeat.get(), false);
    }
    Message parent = parentIn(room.id(), parentId);
    long seq = room.nextSeq();
    OffsetDateTime at = room.nextMessageTime();
    Message message =
        Message.post(
            UuidCreator.getTimeOrderedEpoch(),
            room.id(),
            seq,
            at,
            sender.user(),
            content,
            parent,
            clientId);
    em.persist(message);
    room.messagePosted(message.id(), at);
    // Flushed with the insert at commit: no separate bulk update statement per message.
    sender.postedUpTo(seq, at);
    return new Appended(message, true);
  }

  /** Race-free under the room lock: a concurrent repeat waits for the first to commit. */
  private Optional<Message> repeatOf(RoomMember sender, String clientId) {
    if (clientId == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "SELECT m FROM Message m WHERE m.roomId = :room"
                + " AND m.sender.id = :sender AND m.clientId = :clientId",
            Message.class)
        .setParameter("room", sender.roomId())
        .setParameter("sender", sender.userId())
        .setParameter("clientId", clientId)
        .getResultStream()
        .findFirst();
  }

  /**
   * Checked after the repeat check: a retried reply whose parent was deleted meanwhile is a repeat.
   */
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

  private boolean onPostgres() {
    Boolean known = postgres;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
      } catch (SQLException e) {
        throw new IllegalStateException("Database not reachable", e);
      }
      postgres = known;
    }
    return known;
  }
}

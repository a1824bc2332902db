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
 * <p>The room lock is what every sender of a room waits for, so on PostgreSQL the lock is held
 * across as few round trips as possible: one locking read, the repeat check, then one statement (a
 * data-modifying CTE) for the three writes, then the commit. Other databases (the embedded H2
 * default) take the entity path, which is the same rules written with JPA.
 */
@ApplicationScoped
public class MessageAppender {
  private static final String LOCK_ROOM =
      "SELECT last_seq, CAST(EXTRACT(EPOCH FROM last_activity_at) * 1000 AS bigint)"
          + " FROM rooms WHERE id = CAST(?1 AS uuid) FOR UPDATE";

  private static final String APPEND =
      """
      WITH args AS (
        SELECT CAST(?1 AS uuid) AS room_id, CAST(?2 AS bigint) AS seq, CAST(?3 AS uuid) AS id,
            CAST(?4 AS timestamptz) AS at, CAST(?5 AS uuid) AS member_id),
      room AS (
        UPDATE rooms SET last_seq = args.seq, last_message_id = args.id, last_activity_at = args.at
        FROM args WHERE rooms.id = args.room_id),
      mark AS (
        UPDATE room_members SET last_read_seq = args.seq, last_read_at = args.at
        FROM args WHERE room_members.id = args.member_id AND last_read_seq < args.seq)
      INSERT INTO messages (id, room_id, seq, sender_id, content, message_type, parent_id,
          client_id, is_edited, created_at, updated_at)
      SELECT id, room_id, seq, CAST(?6 AS uuid), CAST(?7 AS varchar), CAST(?8 AS varchar),
          CAST(?9 AS uuid), CAST(?10 AS varchar), false, at, at
      FROM args
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
    UUID roomId = sender.roomId();
    List<?> locked =
        em.createNativeQuery(LOCK_ROOM).setParameter(1, roomId.toString()).getResultList();
    if (locked.isEmpty()) {
      throw new NotFound("No room " + roomId);
    }
    Object[] room = (Object[]) locked.get(0);
    Optional<Message> repeat = repeatOf(sender, clientId);
    if (repeat.isPresent()) {
      return new Appended(repeat.get(), false);
    }
    Message parent = parentIn(roomId, parentId);
    long seq = ((Number) room[0]).longValue() + 1;
    OffsetDateTime lastActivity =
        Instant.ofEpochMilli(((Number) room[1]).longValue()).atOffset(ZoneOffset.UTC);
    OffsetDateTime at = Room.messageTimeAfter(lastActivity, Timestamps.now());
    Message message = newMessage(sender, seq, at, content, parent, clientId);
    em.createNativeQuery(APPEND)
        .setParameter(1, roomId.toString())
        .setParameter(2, seq)
        .setParameter(3, message.id().toString())
        .setParameter(4, at.toString())
        .setParameter(5, sender.id().toString())
        .setParameter(6, sender.userId().toString())
        .setParameter(7, content)
        .setParameter(8, message.messageType())
        .setParameter(9, parent == null ? null : parent.id().toString())
        .setParameter(10, clientId)
        .executeUpdate();
    return new Appended(message, true);
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
    Message message = newMessage(sender, seq, at, content, parent, clientId);
    em.persist(message);
    room.messagePosted(message.id(), at);
    // Flushed with the insert at commit: no separate bulk update statement per message.
    sender.postedUpTo(seq, at);
    return new Appended(message, true);
  }

  private static Message newMessage(
      RoomMember sender,
      long seq,
      OffsetDateTime at,
      String content,
      Message parent,
      String clientId) {
    return Message.post(
        UuidCreator.getTimeOrderedEpoch(),
        sender.roomId(),
        seq,
        at,
        sender.user(),
        content,
        parent,
        clientId);
  }

  /** Race-free only under the room lock: a concurrent repeat waits for the first to commit. */
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

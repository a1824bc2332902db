package dev.nexuschat.message.control;

import com.github.f4b6a3.uuid.UuidCreator;
import dev.nexuschat.message.entity.Message;
import dev.nexuschat.platform.errors.ApiException;
import dev.nexuschat.platform.errors.Conflict;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.room.control.Memberships;
import dev.nexuschat.room.entity.Room;
import dev.nexuschat.room.entity.RoomMember;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Appends a message to its room's history: locks the room row, answers a client_id repeat with the
 * stored message, takes the room's next number and a time that never goes backwards, stores the
 * message, moves the room's latest message and the poster's read mark.
 *
 * <p>The room lock is what every sender of a room waits for, so on PostgreSQL all of that is one
 * statement (a data-modifying CTE) run as its own transaction: the lock is held while PostgreSQL
 * executes and commits it, never across a round trip to this node, which on a busy machine may not
 * get the CPU back for a while. Other databases (the embedded H2 default) take the entity path: the
 * same rules with JPA in a JTA transaction.
 */
@ApplicationScoped
public class MessageAppender {
  /**
   * Locks the room, then the sender's membership, takes the room's next number and a time that
   * never goes backwards, stores the message unless the sender's client_id is already stored in the
   * room, and moves the room's latest message and the poster's read mark; no row when nothing was
   * stored. One statement, so the room lock is held by PostgreSQL alone until the commit, never
   * across a round trip to this node. Locking the membership row is what makes a removal that
   * committed while this waited for the room count: the locked row is read again as it is now, and
   * a deleted one yields nothing (the statement's snapshot alone would still show it).
   */
  private static final String APPEND =
      """
      WITH room AS (
        SELECT r.id, r.last_seq + 1 AS seq,
            GREATEST(r.last_activity_at, CAST(? AS timestamptz)) AS at
        FROM rooms r JOIN room_members m ON m.room_id = r.id
        WHERE r.id = CAST(? AS uuid) AND m.id = CAST(? AS uuid)
        FOR UPDATE OF r FOR KEY SHARE OF m),
      message AS (
        INSERT INTO messages (id, room_id, seq, sender_id, content, message_type, parent_id,
            client_id, is_edited, created_at, updated_at)
        SELECT CAST(? AS uuid), room.id, room.seq, CAST(? AS uuid), CAST(? AS varchar),
            CAST(? AS varchar), CAST(? AS uuid), CAST(? AS varchar), false, room.at, room.at
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
        WHERE room_members.id = CAST(? AS uuid) AND room_members.last_read_seq < message.seq)
      SELECT seq, CAST(EXTRACT(EPOCH FROM created_at) * 1000 AS bigint) FROM message
      """;

  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;

  @Resource(lookup = "jdbc/nexus")
  DataSource dataSource;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  private volatile Boolean postgres;

  /** What an append did: stored {@code message}, or found it stored under the client_id. */
  public record Appended(Message message, boolean created) {}

  /** On PostgreSQL: {@link #appendInOneStatement}. */
  public boolean appendsInOneStatement() {
    return onPostgres();
  }

  /**
   * The statement runs in its own (autocommit) transaction: PostgreSQL releases the room lock when
   * the statement's commit is durable, without waiting for this node to send a COMMIT, and a send
   * pays for no JTA transaction or persistence context. Inside a caller's transaction it is part of
   * that one instead. The membership it was given was read just before, as it was before the lock
   * under the entity path.
   */
  public Appended appendInOneStatement(
      RoomMember sender, String content, UUID parentId, String clientId) {
    Message parent;
    try {
      parent = parentIn(sender.roomId(), parentId);
    } catch (Invalid invalid) {
      // A retried reply whose parent was deleted meanwhile is still a repeat.
      return new Appended(repeatOf(sender, clientId).orElseThrow(() -> invalid), false);
    }
    UUID id = UuidCreator.getTimeOrderedEpoch();
    long seq = 0;
    OffsetDateTime at = null;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement append = connection.prepareStatement(APPEND)) {
      if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
        connection.setAutoCommit(true); // otherwise it is enlisted in the caller's transaction
      }
      append.setString(1, Timestamps.now().toString());
      append.setString(2, sender.roomId().toString());
      append.setString(3, sender.id().toString());
      append.setString(4, id.toString());
      append.setString(5, sender.userId().toString());
      append.setString(6, content);
      append.setString(7, Message.TYPE_TEXT);
      append.setString(8, parentId == null ? null : parentId.toString());
      append.setString(9, clientId);
      append.setString(10, sender.id().toString());
      try (ResultSet row = append.executeQuery()) {
        if (row.next()) {
          seq = row.getLong(1);
          at = Instant.ofEpochMilli(row.getLong(2)).atOffset(ZoneOffset.UTC);
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Message not stored", e);
    }
    if (at == null) {
      // No row: the client_id is taken, or the sender is no longer in the room (removed while
      // this waited for the lock) or the room is gone. Read after the connection went back to the
      // pool: a send never holds two.
      Optional<Message> repeat = repeatOf(sender, clientId);
      if (repeat.isPresent()) {
        return new Appended(repeat.get(), false);
      }
      throw notAllowedAnyMore(sender);
    }
    Message message =
        Message.post(id, sender.roomId(), seq, at, sender.user(), content, parent, clientId);
    return new Appended(message, true);
  }

  /**
   * Why a member's append found no room row to append to: 403 when they left or were removed (and,
   * in the rare case that they left and came back meanwhile, a 409 to retry), 404 when the room is
   * gone.
   */
  private RuntimeException notAllowedAnyMore(RoomMember sender) {
    try {
      memberships.require(sender.roomId(), sender.userId());
      return new Conflict("CONFLICT", "The membership changed while sending; send again");
    } catch (ApiException notMember) {
      return notMember;
    }
  }

  /**
   * Elsewhere (H2): the same rules with entities, in one JTA transaction. Membership is read once
   * the room is locked, so a removal that committed meanwhile counts.
   */
  @Transactional
  public Appended appendWithEntities(
      UUID senderId, UUID roomId, String content, UUID parentId, String clientId) {
    Room room = memberships.lockRoom(roomId);
    RoomMember sender = memberships.require(roomId, senderId);
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

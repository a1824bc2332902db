package dev.nexuschat.room.control;

import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.room.entity.RoomMember;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * PostgreSQL's append: the whole of it in one statement (a data-modifying CTE) run as its own
 * transaction. Every sender of a room waits for the room lock, so it is held while PostgreSQL
 * executes and commits the statement, never across a round trip to this node, which on a busy
 * machine may not get the CPU back for a while; and a send pays for no JTA transaction or
 * persistence context. Inside a caller's transaction the statement is part of that one instead.
 */
@ApplicationScoped
@Typed(StatementAppend.class)
class StatementAppend implements TimelineAppend {
  /**
   * Locks the room, then the sender's membership, takes the room's next number and a time that
   * never goes backwards, stores the message unless the sender's client_id is already in the room,
   * and moves the room's newest message and the poster's read mark; no row when nothing was stored.
   * Locking the membership row is what makes a removal that committed while this waited for the
   * room count: the locked row is read again as it is now, and a deleted one yields nothing (the
   * statement's snapshot alone would still show it).
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

  @Inject Memberships memberships;

  @Resource(lookup = "jdbc/nexus")
  DataSource dataSource;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Override
  public Optional<RoomTimeline.Appended> append(RoomMember sender, RoomTimeline.Entry entry) {
    RoomTimeline.Appended appended = null;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement append = connection.prepareStatement(APPEND)) {
      if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
        connection.setAutoCommit(true); // otherwise it is enlisted in the caller's transaction
      }
      append.setString(1, Timestamps.now().toString());
      append.setString(2, sender.roomId().toString());
      append.setString(3, sender.id().toString());
      append.setString(4, entry.id().toString());
      append.setString(5, sender.userId().toString());
      append.setString(6, entry.content());
      append.setString(7, entry.type());
      append.setString(8, entry.parentId() == null ? null : entry.parentId().toString());
      append.setString(9, entry.clientId());
      append.setString(10, sender.id().toString());
      try (ResultSet row = append.executeQuery()) {
        if (row.next()) {
          appended =
              new RoomTimeline.Appended(
                  row.getLong(1), Instant.ofEpochMilli(row.getLong(2)).atOffset(ZoneOffset.UTC));
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Message not stored", e);
    }
    if (appended != null) {
      return Optional.of(appended);
    }
    // No row: the client_id is taken, or the sender is no longer in the room (removed while this
    // waited for the lock), or the room is gone. Read after the connection went back to the pool:
    // a send never holds two.
    return TimelineAppend.nothingAppended(memberships, sender, entry);
  }
}

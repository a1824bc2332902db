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
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * PostgreSQL's append of one message: a call of the database's {@code append_messages} function
 * (changeset 004, where its rules are spelled out), as its own transaction, or inside the caller's
 * when there is one. Every sender of a room waits for the room lock, so it is held while PostgreSQL
 * executes and commits, never across a round trip to this node. {@link GroupCommitAppend} uses the
 * same call for a whole batch.
 */
@ApplicationScoped
@Typed(StatementAppend.class)
class StatementAppend implements TimelineAppend {
  private static final String APPEND =
      "SELECT appended_id, appended_seq, appended_ms FROM append_messages(CAST(? AS timestamptz),"
          + " ?, ?, ?, ?, ?, ?, ?, ?)";

  /** One message to append: into which room, by which membership of which user, and what. */
  record Request(UUID roomId, UUID memberId, UUID senderId, RoomTimeline.Entry entry) {
    /** Plain values, read on the sender's thread: the entity stays in its persistence context. */
    static Request of(RoomMember sender, RoomTimeline.Entry entry) {
      return new Request(sender.roomId(), sender.id(), sender.userId(), entry);
    }
  }

  @Inject Memberships memberships;

  @Resource(lookup = "jdbc/nexus")
  DataSource dataSource;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Override
  public Optional<RoomTimeline.Appended> append(RoomMember sender, RoomTimeline.Entry entry) {
    Map<UUID, RoomTimeline.Appended> appended;
    try (Connection connection = dataSource.getConnection()) {
      if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
        connection.setAutoCommit(true); // otherwise it is enlisted in the caller's transaction
      }
      appended = appendAll(connection, List.of(Request.of(sender, entry)));
    } catch (SQLException e) {
      throw new PersistenceException("Message not stored", e);
    }
    return outcome(appended.get(entry.id()), sender, entry);
  }

  /**
   * The outcome of one request: where it went, or why nothing was stored (read after the connection
   * went back to the pool: a send never holds two).
   */
  Optional<RoomTimeline.Appended> outcome(
      RoomTimeline.Appended appended, RoomMember sender, RoomTimeline.Entry entry) {
    if (appended != null) {
      return Optional.of(appended);
    }
    // No row: the client_id is taken, or the sender is no longer in the room (removed while this
    // waited for the lock), or the room is gone.
    return TimelineAppend.nothingAppended(memberships, sender, entry);
  }

  /**
   * Appends {@code requests} in their order in one call, on {@code connection} as it is (the caller
   * commits); by message id, where each stored one went.
   */
  static Map<UUID, RoomTimeline.Appended> appendAll(Connection connection, List<Request> requests)
      throws SQLException {
    int n = requests.size();
    Object[] rooms = new Object[n];
    Object[] members = new Object[n];
    Object[] ids = new Object[n];
    Object[] senders = new Object[n];
    Object[] contents = new Object[n];
    Object[] types = new Object[n];
    Object[] parents = new Object[n];
    Object[] clientIds = new Object[n];
    for (int i = 0; i < n; i++) {
      Request request = requests.get(i);
      rooms[i] = request.roomId();
      members[i] = request.memberId();
      ids[i] = request.entry().id();
      senders[i] = request.senderId();
      contents[i] = request.entry().content();
      types[i] = request.entry().type();
      parents[i] = request.entry().parentId();
      clientIds[i] = request.entry().clientId();
    }
    Map<UUID, RoomTimeline.Appended> appended = new HashMap<>();
    try (PreparedStatement append = connection.prepareStatement(APPEND)) {
      append.setString(1, Timestamps.now().toString());
      bind(connection, append, 2, "uuid", rooms);
      bind(connection, append, 3, "uuid", members);
      bind(connection, append, 4, "uuid", ids);
      bind(connection, append, 5, "uuid", senders);
      bind(connection, append, 6, "varchar", contents);
      bind(connection, append, 7, "varchar", types);
      bind(connection, append, 8, "uuid", parents);
      bind(connection, append, 9, "varchar", clientIds);
      try (ResultSet row = append.executeQuery()) {
        while (row.next()) {
          appended.put(
              (UUID) row.getObject(1),
              new RoomTimeline.Appended(row.getLong(2), at(row.getLong(3))));
        }
      }
    }
    return appended;
  }

  private static void bind(
      Connection connection, PreparedStatement statement, int index, String type, Object[] values)
      throws SQLException {
    Array array = connection.createArrayOf(type, values);
    statement.setArray(index, array);
  }

  private static OffsetDateTime at(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
  }
}

package dev.nexuschat.room.control;

import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.user.control.UserViews;
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
      "SELECT appended_id, appended_seq, appended_ms, sender_username, sender_display_name,"
          + " sender_avatar_url, appended_mentions"
          + " FROM append_messages(CAST(? AS timestamptz), ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** One message to append: into which room, by whom, and what. */
  record Request(UUID roomId, UUID senderId, RoomTimeline.Entry entry) {}

  @Inject Memberships memberships;

  @Resource(lookup = "jdbc/nexus")
  DataSource dataSource;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Override
  public Optional<RoomTimeline.Appended> append(
      UUID roomId, UUID senderId, RoomTimeline.Entry entry) {
    Map<UUID, RoomTimeline.Appended> appended;
    try (Connection connection = dataSource.getConnection()) {
      if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
        connection.setAutoCommit(true); // otherwise it is enlisted in the caller's transaction
      }
      appended = appendAll(connection, List.of(new Request(roomId, senderId, entry)));
    } catch (SQLException e) {
      throw new PersistenceException("Message not stored", e);
    }
    return outcome(appended.get(entry.id()), roomId, senderId, entry);
  }

  /**
   * The outcome of one request: where it went, or why nothing was stored (read after the connection
   * went back to the pool: a send never holds two).
   */
  Optional<RoomTimeline.Appended> outcome(
      RoomTimeline.Appended appended, UUID roomId, UUID senderId, RoomTimeline.Entry entry) {
    if (appended != null) {
      return Optional.of(appended);
    }
    // No row: the sender is not in the room (or was removed while this waited for the lock), or
    // the room does not exist, or the client_id is taken.
    return TimelineAppend.nothingAppended(memberships, roomId, senderId, entry);
  }

  /**
   * Appends {@code requests} in their order in one call, on {@code connection} as it is (the caller
   * commits); by message id, where each stored one went.
   */
  static Map<UUID, RoomTimeline.Appended> appendAll(Connection connection, List<Request> requests)
      throws SQLException {
    int n = requests.size();
    Object[] rooms = new Object[n];
    Object[] ids = new Object[n];
    Object[] senders = new Object[n];
    Object[] contents = new Object[n];
    Object[] types = new Object[n];
    Object[] parents = new Object[n];
    Object[] clientIds = new Object[n];
    Object[] mentions = new Object[n];
    Object[] mentionsRoom = new Object[n];
    for (int i = 0; i < n; i++) {
      Request request = requests.get(i);
      rooms[i] = request.roomId();
      ids[i] = request.entry().id();
      senders[i] = request.senderId();
      contents[i] = request.entry().content();
      types[i] = request.entry().type();
      parents[i] = request.entry().parentId();
      clientIds[i] = request.entry().clientId();
      // NULL for no name: the function then runs no second statement for this message
      mentions[i] =
          request.entry().mentionedKeys().isEmpty()
              ? null
              : String.join(" ", request.entry().mentionedKeys());
      mentionsRoom[i] = request.entry().mentionsRoom();
    }
    Map<UUID, Request> byId = new HashMap<>();
    requests.forEach(request -> byId.put(request.entry().id(), request));
    Map<UUID, RoomTimeline.Appended> appended = new HashMap<>();
    try (PreparedStatement append = connection.prepareStatement(APPEND)) {
      append.setString(1, Timestamps.now().toString());
      bind(connection, append, 2, "uuid", rooms);
      bind(connection, append, 3, "uuid", ids);
      bind(connection, append, 4, "uuid", senders);
      bind(connection, append, 5, "varchar", contents);
      bind(connection, append, 6, "varchar", types);
      bind(connection, append, 7, "uuid", parents);
      bind(connection, append, 8, "varchar", clientIds);
      bind(connection, append, 9, "varchar", mentions);
      bind(connection, append, 10, "boolean", mentionsRoom);
      try (ResultSet row = append.executeQuery()) {
        while (row.next()) {
          Request request = byId.get((UUID) row.getObject(1));
          UserViews.Sender sender =
              new UserViews.Sender(
                  request.senderId(), row.getString(4), row.getString(5), row.getString(6));
          appended.put(
              request.entry().id(),
              new RoomTimeline.Appended(
                  row.getLong(2), at(row.getLong(3)), sender, uuids(row.getArray(7))));
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

  private static List<UUID> uuids(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return List.of((UUID[]) array.getArray());
  }

  private static OffsetDateTime at(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
  }
}

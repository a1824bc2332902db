package dev.nexuschat.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads and nudges rows of the test database directly, for facts the API does not show. */
public final class StoredRows {
  private StoredRows() {}

  /** Runs an update with positional parameters (UUID strings are bound as uuid). */
  public static int update(String sql, Object... parameters) {
    try (Connection db = NexusServer.services().openDatabase();
        PreparedStatement statement = db.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of every row, as strings. */
  public static List<String> column(String sql, Object... parameters) {
    try (Connection db = NexusServer.services().openDatabase();
        PreparedStatement statement = db.prepareStatement(sql)) {
      bind(statement, parameters);
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long count(String sql, Object... parameters) {
    return Long.parseLong(column(sql, parameters).get(0));
  }

  /** Ids of a room's visible messages in history order. */
  public static List<String> visibleMessageIds(String roomId) {
    return column(
        "SELECT id FROM messages WHERE room_id = ? AND deleted_at IS NULL ORDER BY seq", roomId);
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value instanceof String text && text.length() == 36 && text.charAt(8) == '-') {
        statement.setObject(i + 1, java.util.UUID.fromString(text));
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }
}

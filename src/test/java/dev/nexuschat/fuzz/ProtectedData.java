package dev.nexuschat.fuzz;

import dev.nexuschat.testsupport.NexusServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rows the fuzzing user may not change, read straight from the database: other users' accounts,
 * everything about the foreign room, the rooms where the caller is a plain member (except its own
 * membership and messages), and the content of others' messages anywhere.
 */
final class ProtectedData implements AutoCloseable {
  private final FuzzWorld world;
  private final Connection db;
  private final Map<String, String> baseline;

  ProtectedData(FuzzWorld world) throws SQLException {
    this.world = world;
    this.db = NexusServer.services().openDatabase();
    this.baseline = snapshot();
  }

  /** What changed since the baseline, one line per row; empty when nothing did. */
  List<String> changes() throws SQLException {
    Map<String, String> now = snapshot();
    List<String> changes = new ArrayList<>();
    for (Map.Entry<String, String> row : baseline.entrySet()) {
      String after = now.get(row.getKey());
      boolean deletedByOwner = after == null && row.getKey().startsWith("message content");
      if (!deletedByOwner && !row.getValue().equals(after)) {
        changes.add(row.getKey() + ": " + row.getValue() + " -> " + after);
      }
    }
    for (String key : now.keySet()) {
      if (!key.startsWith("message content") && !baseline.containsKey(key)) {
        changes.add(key + ": (none) -> " + now.get(key));
      }
    }
    return changes;
  }

  private Map<String, String> snapshot() throws SQLException {
    Map<String, String> rows = new TreeMap<>();
    for (String user : List.of(world.peer.id(), world.stranger.id())) {
      rows(
          rows,
          "user ",
          "SELECT id, email || '|' || username || '|' || display_name || '|'"
              + " || coalesce(avatar_url, '') || '|' || password_hash FROM users WHERE id = ?",
          user);
    }
    rows(
        rows,
        "foreign member ",
        "SELECT user_id, role || '|' || last_read_seq FROM room_members WHERE room_id = ?",
        world.foreignRoom);
    rows(
        rows,
        "foreign message ",
        "SELECT id, sender_id || '|' || content || '|' || is_edited || '|'"
            + " || coalesce(deleted_at::text, '') FROM messages WHERE room_id = ?",
        world.foreignRoom);
    for (String room : List.of(world.foreignRoom, world.peerRoom, world.directRoom)) {
      rows(
          rows,
          "room ",
          "SELECT id, name || '|' || coalesce(description, '') || '|' || is_direct"
              + " FROM rooms WHERE id = ?",
          room);
      // others' memberships and messages, whole; the caller's own membership may only shrink
      rows(
          rows,
          "member ",
          "SELECT room_id || '/' || user_id, role || '|' || last_read_seq FROM room_members"
              + " WHERE room_id = ? AND user_id <> ?",
          room,
          world.caller.id());
      rows(
          rows,
          "message ",
          "SELECT id, content || '|' || is_edited || '|' || coalesce(deleted_at::text, '')"
              + " FROM messages WHERE room_id = ? AND sender_id <> ?",
          room,
          world.caller.id());
    }
    rows(
        rows,
        "caller promoted in peer room ",
        "SELECT room_id, role FROM room_members WHERE room_id = ? AND user_id = ?"
            + " AND role <> 'member'",
        world.peerRoom,
        world.caller.id());
    // in the caller's own room others' messages may be deleted by it, never edited
    rows(
        rows,
        "message content ",
        "SELECT id, content || '|' || is_edited FROM messages"
            + " WHERE room_id = ? AND sender_id <> ? AND deleted_at IS NULL",
        world.ownRoom,
        world.caller.id());
    return rows;
  }

  private void rows(Map<String, String> into, String prefix, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, UUID.fromString((String) parameters[i]));
      }
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          into.put(prefix + result.getString(1), result.getString(2));
        }
      }
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}

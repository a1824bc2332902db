package dev.nexuschat.message.control;

import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.web.Ids;
import java.util.UUID;

/**
 * Where a history page starts: before a message (scrolling up), after one (catching up after a
 * reconnect), or at the newest. Cursors are message ids, as the contract says; the service turns
 * them into the room sequence number the keyset seeks on.
 */
public record HistoryCursor(Direction direction, UUID messageId) {
  public enum Direction {
    LATEST,
    BEFORE,
    AFTER
  }

  public static HistoryCursor parse(String cursor, String after) {
    boolean hasCursor = cursor != null && !cursor.isBlank();
    boolean hasAfter = after != null && !after.isBlank();
    if (hasCursor && hasAfter) {
      throw new Invalid("after", "cannot be combined with cursor");
    }
    if (hasCursor) {
      return new HistoryCursor(Direction.BEFORE, Ids.field(cursor.strip(), "cursor"));
    }
    if (hasAfter) {
      return new HistoryCursor(Direction.AFTER, Ids.field(after.strip(), "after"));
    }
    return new HistoryCursor(Direction.LATEST, null);
  }

  /** The message {@code around=} names; it stands alone. */
  public static UUID around(String around, String cursor, String after) {
    if ((cursor != null && !cursor.isBlank()) || (after != null && !after.isBlank())) {
      throw new Invalid("around", "cannot be combined with cursor or after");
    }
    return Ids.field(around.strip(), "around");
  }

  String fieldName() {
    return direction == Direction.AFTER ? "after" : "cursor";
  }
}

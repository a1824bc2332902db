package dev.nexuschat.thread.control;

import dev.nexuschat.platform.errors.Invalid;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of {@code GET /threads} starts: after the (newest reply time, root id) of the last
 * thread of the page before, the keyset the list is ordered on. Opaque (base64url) and
 * self-contained, so no lookup tells anyone whether some message exists.
 */
record ThreadCursor(OffsetDateTime at, UUID rootId) {
  private static final String VERSION = "t1";
  private static final long LATEST_MILLIS = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z

  static ThreadCursor parse(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    String text = cursor.strip();
    if (text.length() > 100) {
      throw invalid();
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", -1);
      if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].length() != 36) {
        throw invalid();
      }
      long millis = Long.parseLong(parts[1]);
      if (millis < 0 || millis > LATEST_MILLIS) {
        throw invalid();
      }
      return new ThreadCursor(
          Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC), UUID.fromString(parts[2]));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw invalid();
    }
  }

  String encoded() {
    String text = VERSION + ":" + at.toInstant().toEpochMilli() + ":" + rootId;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Invalid invalid() {
    return new Invalid("cursor", "is not a cursor of this list");
  }
}

package dev.nexuschat.message.control;

import dev.nexuschat.platform.errors.Invalid;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of {@code GET /mentions} starts: after the (time, message id) of the last item of
 * the page before, the keyset the feed is ordered on. Opaque to clients (base64url), and it carries
 * its own position, so no lookup tells anyone whether some message id exists.
 */
record MentionCursor(OffsetDateTime at, UUID messageId) {
  private static final String VERSION = "m1";
  private static final long LATEST_MILLIS = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z

  static MentionCursor parse(String cursor) {
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
      if (parts.length != 3 || !VERSION.equals(parts[0])) {
        throw invalid();
      }
      long millis = Long.parseLong(parts[1]);
      if (millis < 0 || millis > LATEST_MILLIS) {
        throw invalid(); // a time no database column holds: refused here, not by the query
      }
      Instant at = Instant.ofEpochMilli(millis);
      return new MentionCursor(at.atOffset(ZoneOffset.UTC), UUID.fromString(parts[2]));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw invalid();
    }
  }

  String encoded() {
    String text = VERSION + ":" + at.toInstant().toEpochMilli() + ":" + messageId;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Invalid invalid() {
    return new Invalid("cursor", "is not a cursor of this list");
  }
}

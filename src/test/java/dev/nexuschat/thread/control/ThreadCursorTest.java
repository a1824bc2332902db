package dev.nexuschat.thread.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nexuschat.platform.errors.Invalid;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ThreadCursorTest {
  private static String encoded(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void roundTripsToTheMillisecond() {
    ThreadCursor cursor =
        new ThreadCursor(
            OffsetDateTime.of(2026, 12, 4, 1, 2, 3, 456_000_000, ZoneOffset.UTC),
            UUID.randomUUID());
    String text = cursor.encoded();
    assertThat(text).doesNotContain("=").doesNotContain(cursor.rootId().toString());
    ThreadCursor back = ThreadCursor.parse(text);
    assertThat(back.rootId()).isEqualTo(cursor.rootId());
    assertThat(back.at().toInstant()).isEqualTo(cursor.at().toInstant());
  }

  @Test
  void blankIsTheFirstPageAndAnythingElseIsRefusedAsTheCursor() {
    assertThat(ThreadCursor.parse(null)).isNull();
    assertThat(ThreadCursor.parse("  ")).isNull();
    UUID id = UUID.randomUUID();
    for (String bad :
        List.of(
            "forged",
            "%%",
            id.toString(),
            "a".repeat(101),
            encoded("m1:5:" + id), // another list's cursor
            encoded("t1:-1:" + id),
            encoded("t1:253402300800000:" + id), // past what a column holds
            encoded("t1:12:not-a-uuid-at-all-but-36-chars-long"),
            encoded("t1:12:" + id + ":extra"),
            encoded("t1:1e3:" + id))) {
      Invalid invalid = assertThrows(Invalid.class, () -> ThreadCursor.parse(bad), bad);
      assertThat(invalid.getMessage()).contains("cursor");
    }
  }
}

package dev.nexuschat.message.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexuschat.platform.errors.Invalid;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MentionCursorTest {
  private static String encoded(String text) {
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aCursorReadsBackAsItsPosition() {
    MentionCursor cursor =
        new MentionCursor(
            OffsetDateTime.of(2026, 12, 3, 18, 0, 0, 123_000_000, ZoneOffset.UTC),
            UUID.randomUUID());
    assertThat(MentionCursor.parse(cursor.encoded())).isEqualTo(cursor);
    assertThat(MentionCursor.parse(null)).isNull();
    assertThat(MentionCursor.parse(" ")).isNull();
  }

  @Test
  void anythingElseIsAValidationError() {
    String id = UUID.randomUUID().toString();
    for (String bad :
        new String[] {
          "x",
          "%%%",
          encoded("m1:1:not-a-uuid"),
          encoded("m2:1:" + id),
          encoded("m1:-5:" + id),
          encoded("m1:" + Long.MAX_VALUE + ":" + id),
          encoded("m1:1"),
          "a".repeat(101)
        }) {
      assertThatThrownBy(() -> MentionCursor.parse(bad)).as(bad).isInstanceOf(Invalid.class);
    }
  }
}

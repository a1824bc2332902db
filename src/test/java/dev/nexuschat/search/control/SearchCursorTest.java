package dev.nexuschat.search.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nexuschat.platform.errors.Invalid;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchCursorTest {
  @Test
  void roundTripsAndIsNoMessageId() {
    SearchCursor cursor = new SearchCursor(-5, 1_796_000_000_123_456L, UUID.randomUUID());
    String text = cursor.encode();
    assertThat(SearchCursor.parse(text)).isEqualTo(cursor);
    assertThat(text).hasSize(43).doesNotContain("=");
  }

  @Test
  void blankIsTheFirstPageAndAnythingElseIsRefused() {
    assertThat(SearchCursor.parse(null)).isNull();
    assertThat(SearchCursor.parse(" ")).isNull();
    for (String bad : List.of("xyz", "AAAA", "%%", UUID.randomUUID().toString(), "a".repeat(44))) {
      assertThrows(Invalid.class, () -> SearchCursor.parse(bad), bad);
    }
  }

  @Test
  void comesAfterByScoreThenNewerThenIdAsPostgresOrdersThem() {
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
    UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000"); // negative as a Java long
    SearchCursor cursor = new SearchCursor(10, 100, high);
    assertThat(cursor.precedes(new SearchHit(high, 9, 999, List.of()))).isTrue();
    assertThat(cursor.precedes(new SearchHit(high, 11, 0, List.of()))).isFalse();
    assertThat(cursor.precedes(new SearchHit(high, 10, 99, List.of()))).isTrue();
    assertThat(cursor.precedes(new SearchHit(low, 10, 100, List.of()))).isTrue();
    assertThat(new SearchCursor(10, 100, low).precedes(new SearchHit(high, 10, 100, List.of())))
        .isFalse();
  }
}

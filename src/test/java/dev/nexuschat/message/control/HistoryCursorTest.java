package dev.nexuschat.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nexuschat.message.control.HistoryCursor.Direction;
import dev.nexuschat.platform.errors.Invalid;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistoryCursorTest {
  private final UUID id = UUID.randomUUID();

  @Test
  void noCursorStartsAtTheNewest() {
    HistoryCursor cursor = HistoryCursor.parse(null, null);
    assertEquals(Direction.LATEST, cursor.direction());
    assertNull(cursor.messageId());
  }

  @Test
  void blankParametersCountAsAbsent() {
    assertEquals(Direction.LATEST, HistoryCursor.parse("", "  ").direction());
  }

  @Test
  void cursorPagesBackwards() {
    HistoryCursor cursor = HistoryCursor.parse(id.toString(), null);
    assertEquals(Direction.BEFORE, cursor.direction());
    assertEquals(id, cursor.messageId());
    assertEquals("cursor", cursor.fieldName());
  }

  @Test
  void afterCatchesUpForwards() {
    HistoryCursor cursor = HistoryCursor.parse(null, id.toString());
    assertEquals(Direction.AFTER, cursor.direction());
    assertEquals(id, cursor.messageId());
    assertEquals("after", cursor.fieldName());
  }

  @Test
  void surroundingSpaceIsIgnored() {
    assertEquals(id, HistoryCursor.parse(" " + id + " ", null).messageId());
  }

  @Test
  void cursorAndAfterTogetherAreRejected() {
    Invalid invalid =
        assertThrows(Invalid.class, () -> HistoryCursor.parse(id.toString(), id.toString()));
    assertEquals("after", invalid.fieldErrors().get(0).field());
    assertEquals(400, invalid.status());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "123",
        "00000000-0000-0000-0000-00000000000g",
        "0-0-0-0-0",
        "00000000000000000000000000000000",
        "' OR 1=1 --"
      })
  void malformedCursorIsAFieldError(String value) {
    Invalid invalid = assertThrows(Invalid.class, () -> HistoryCursor.parse(value, null));
    assertEquals("cursor", invalid.fieldErrors().get(0).field());
  }

  @Test
  void malformedAfterNamesTheAfterField() {
    Invalid invalid = assertThrows(Invalid.class, () -> HistoryCursor.parse(null, "nope"));
    assertEquals("after", invalid.fieldErrors().get(0).field());
  }
}

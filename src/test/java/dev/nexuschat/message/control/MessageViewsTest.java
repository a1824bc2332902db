package dev.nexuschat.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class MessageViewsTest {
  @Test
  void shortContentIsPreviewedWhole() {
    String text = "Hello";
    assertSame(text, MessageViews.preview(text));
  }

  @Test
  void previewKeepsExactlyOneHundredCharacters() {
    assertEquals("x".repeat(100), MessageViews.preview("x".repeat(100)));
    assertEquals("x".repeat(100), MessageViews.preview("x".repeat(101)));
    assertEquals("y".repeat(100), MessageViews.preview("y".repeat(5000)));
  }

  @Test
  void previewNeverSplitsAnEmoji() {
    String emoji = "😀".repeat(150);
    String preview = MessageViews.preview(emoji);
    assertEquals(100, preview.codePointCount(0, preview.length()));
    assertEquals("😀".repeat(100), preview);
  }

  @Test
  void previewCountsCharactersAcrossMixedText() {
    String text = "a".repeat(99) + "😀" + "tail";
    assertEquals("a".repeat(99) + "😀", MessageViews.preview(text));
  }

  @Test
  void emptyContentOfATombstoneIsAnEmptyPreview() {
    assertEquals("", MessageViews.preview(""));
  }
}

package dev.nexuschat.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.platform.errors.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRulesTest {
  private final List<FieldError> errors = new ArrayList<>();

  @Test
  void textIsTrimmedOnBothSides() {
    assertEquals("hello world", TextRules.trimmed("  \t hello world \n", "content", 1, 11, errors));
    assertTrue(errors.isEmpty());
  }

  @Test
  void missingTextIsRequired() {
    assertNull(TextRules.trimmed(null, "content", 1, 10, errors));
    assertEquals(List.of(new FieldError("content", "is required")), errors);
  }

  @Test
  void blankTextIsRejectedAfterTrimming() {
    assertNull(TextRules.trimmed(" \t\n\u2003", "content", 1, 10, errors));
    assertEquals("content", errors.get(0).field());
    assertEquals("must not be blank", errors.get(0).message());
  }

  @Test
  void lengthIsCountedInCharactersNotUtf16Units() {
    assertEquals("😀".repeat(5), TextRules.trimmed("😀".repeat(5), "content", 1, 5, errors));
    assertTrue(errors.isEmpty());
    assertNull(TextRules.trimmed("😀".repeat(6), "content", 1, 5, errors));
    assertEquals("must be at most 5 characters", errors.get(0).message());
    assertEquals(2, TextRules.length("😀😀"));
  }

  @Test
  void maximumIsInclusive() {
    assertEquals("x".repeat(5000), TextRules.trimmed("x".repeat(5000), "content", 1, 5000, errors));
    assertNull(TextRules.trimmed("x".repeat(5001), "content", 1, 5000, errors));
    assertEquals(1, errors.size());
  }

  @Test
  void surroundingSpaceDoesNotCountTowardsTheMaximum() {
    assertEquals(
        "x".repeat(5), TextRules.trimmed("   " + "x".repeat(5) + "   ", "name", 1, 5, errors));
    assertTrue(errors.isEmpty());
  }

  @Test
  void nulCharactersAreRefused() {
    assertNull(TextRules.trimmed("a\0b", "content", 1, 10, errors));
    assertEquals("must not contain NUL characters", errors.get(0).message());
  }

  @Test
  void minimumAboveOneIsNamed() {
    assertNull(TextRules.trimmed("a", "q", 2, 10, errors));
    assertEquals("must be at least 2 characters", errors.get(0).message());
  }

  @Test
  void markupIsKeptVerbatim() {
    String html = "<script>alert('x')</script> '; DROP TABLE users; --";
    assertEquals(html, TextRules.trimmed(html, "content", 1, 5000, errors));
  }
}

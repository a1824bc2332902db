package dev.nexuschat.platform.json;

import dev.nexuschat.platform.errors.FieldError;
import java.util.List;

/** Checks shared by every free-text field. Content is stored verbatim otherwise. */
public final class TextRules {
  private TextRules() {}

  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /**
   * Trims and checks length in characters (code points); adds a field error and returns null when
   * the text is unacceptable. NUL cannot be stored in PostgreSQL text, so it is refused.
   */
  public static String trimmed(
      String value, String field, int min, int max, List<FieldError> errors) {
    if (value == null) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    String text = value.strip();
    if (text.indexOf('\0') >= 0) {
      errors.add(new FieldError(field, "must not contain NUL characters"));
      return null;
    }
    int length = length(text);
    if (length < min) {
      errors.add(
          new FieldError(
              field, min == 1 ? "must not be blank" : "must be at least " + min + " characters"));
      return null;
    }
    if (length > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
      return null;
    }
    return text;
  }
}

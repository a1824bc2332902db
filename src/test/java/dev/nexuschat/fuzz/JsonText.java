package dev.nexuschat.fuzz;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes generated JSON as text. Values are JSON fragments, so a mutation can put anything (a wrong
 * type, an unpaired surrogate escape, broken syntax) where a field's value goes.
 */
final class JsonText {
  private JsonText() {}

  /**
   * A JSON string. Control characters are escaped as JSON requires; a lone surrogate (which UTF-8
   * cannot carry) is sent as its {@code \\uXXXX} escape, everything else as raw UTF-8.
   */
  static String string(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pairedHigh =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (pairedHigh) {
        out.append(c).append(text.charAt(++i));
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** An object from field names to JSON fragments, in the given order. */
  static String object(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> string(field.getKey()) + ":" + field.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  static String array(List<String> items) {
    return items.stream().collect(Collectors.joining(",", "[", "]"));
  }
}

package dev.nexuschat.platform.errors;

import jakarta.json.bind.JsonbException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the field behind a body that JSON-B could not bind. Yasson reports a property that failed
 * to bind as "Unable to deserialize property 'x' because of: ..."; the outermost such property is
 * the one on the wire. A body that is not JSON at all, or a failure without that shape, is blamed
 * on {@code body}.
 */
final class UnreadableBody {
  private static final Pattern PROPERTY =
      Pattern.compile("Unable to deserialize property '([^']+)' because of: (.*)", Pattern.DOTALL);
  private static final Pattern EXPECTED = Pattern.compile("expected (.+), got ([A-Z]+)");

  /**
   * The messages can quote what the client sent (a 60 KiB string that is not a UUID, say), and
   * {@code (.+), got} backtracks over each line for every "expected " in it: only their start is
   * read, which is where the parts these patterns look for are.
   */
  static final int READ_AT_MOST = 1000;

  private UnreadableBody() {}

  static FieldError describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonbException && t.getMessage() != null) {
        Matcher property = PROPERTY.matcher(start(t.getMessage()));
        if (property.find()) {
          return new FieldError(property.group(1), reason(rootMessage(t)));
        }
      }
    }
    return new FieldError("body", "Request body is not valid JSON of the expected shape");
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : start(root.getMessage());
    Matcher nested = PROPERTY.matcher(message);
    return nested.matches() ? nested.group(2) : message;
  }

  /**
   * Our strict deserializers say "expected a string, got NUMBER"; anything else gets a plain
   * wording.
   */
  private static String reason(String message) {
    Matcher expected = EXPECTED.matcher(message);
    if (expected.find()) {
      return "must be " + expected.group(1) + ", not " + article(expected.group(2).toLowerCase());
    }
    return "has the wrong type or format";
  }

  private static String start(String message) {
    return message.length() <= READ_AT_MOST ? message : message.substring(0, READ_AT_MOST);
  }

  private static String article(String jsonType) {
    return switch (jsonType) {
      case "array", "object" -> "an " + jsonType;
      case "null" -> "null";
      default -> "a " + jsonType;
    };
  }
}

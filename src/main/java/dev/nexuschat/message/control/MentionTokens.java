package dev.nexuschat.message.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The mentions a message's text makes, found in one pass without a pattern (nothing to backtrack on
 * 5000 characters of input): {@code @name} where name is a whole username by the registration rule
 * (3-50 letters, digits or underscores) not glued to a word before it (so {@code a@b.io} is no
 * mention), and {@code @room} or its alias {@code @here} for everyone in the room. Text in inline
 * code ({@code `...`} on one line) or a fenced block ({@code ```...```}) mentions nobody. At most
 * {@link #MAX} distinct names count; the rest stay plain text. The web client's {@code
 * mention-tokens.ts} follows the same rules for highlighting.
 */
public record MentionTokens(List<String> usernameKeys, boolean room) {
  public static final int MAX = 50;
  static final int MIN_NAME = 3;
  static final int MAX_NAME = 50;
  public static final MentionTokens NONE = new MentionTokens(List.of(), false);

  public boolean any() {
    return room || !usernameKeys.isEmpty();
  }

  public static MentionTokens of(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return NONE; // the common case costs one scan for '@'
    }
    Set<String> names = new LinkedHashSet<>();
    boolean room = false;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '`') {
        i = afterCode(text, i);
        continue;
      }
      if (c == '@' && (i == 0 || !isNameChar(text.charAt(i - 1)))) {
        int end = i + 1;
        while (end < n && isNameChar(text.charAt(end))) {
          end++;
        }
        int length = end - i - 1;
        if (length >= MIN_NAME && length <= MAX_NAME) {
          String key = text.substring(i + 1, end).toLowerCase(Locale.ROOT);
          if (key.equals("room") || key.equals("here")) {
            room = true;
          } else if (names.size() < MAX) {
            names.add(key);
          }
        }
        i = end;
        continue;
      }
      i++;
    }
    return new MentionTokens(List.copyOf(names), room);
  }

  /**
   * Where scanning goes on after the backtick at {@code start}: past a fenced block's closing fence
   * (or the end: an open fence runs to it), past the closing backtick of inline code on the same
   * line, or just past the backtick when it closes nothing (plain text then). Each character is
   * looked at a bounded number of times: a backtick that closes nothing has no other on its line.
   */
  static int afterCode(String text, int start) {
    if (text.startsWith("```", start)) {
      int close = text.indexOf("```", start + 3);
      return close < 0 ? text.length() : close + 3;
    }
    int lineEnd = text.indexOf('\n', start);
    int limit = lineEnd < 0 ? text.length() : lineEnd;
    for (int j = start + 1; j < limit; j++) {
      if (text.charAt(j) == '`') {
        return j + 1;
      }
    }
    return start + 1;
  }

  static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}

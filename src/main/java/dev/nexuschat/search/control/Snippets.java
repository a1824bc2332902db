package dev.nexuschat.search.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Snippets as segments. PostgreSQL's {@code ts_headline} marks matches with two private-use
 * characters (taken out of the content first, so a message cannot forge a mark), split here; the
 * scanning search marks the word ranges it matched.
 */
final class Snippets {
  static final char START = '\uE000';
  static final char STOP = '\uE001';
  static final char LESS_THAN = '<';

  /**
   * What {@code <} is while ts_headline reads the content: its parser takes {@code <b>} for markup
   * and leaves it out, and a snippet shows the message's text as written.
   */
  static final char MASKED_LESS_THAN = '\uE002';

  /** Characters of context the scanning search keeps before the first match. */
  private static final int LEAD = 60;

  /** Characters a scanned snippet shows at most, as ts_headline's MaxWords roughly does. */
  private static final int WIDTH = 240;

  private Snippets() {}

  static List<SearchViews.Segment> fromHeadline(String headline) {
    List<SearchViews.Segment> segments = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean match = false;
    for (int i = 0; i < headline.length(); i++) {
      char c = headline.charAt(i);
      if (c == START || c == STOP) {
        add(segments, text.toString(), match);
        text.setLength(0);
        match = c == START;
      } else {
        text.append(c == MASKED_LESS_THAN ? LESS_THAN : c);
      }
    }
    add(segments, text.toString(), match);
    return segments;
  }

  /** {@code content} around its first match; {@code ranges} are [start, end) pairs, in order. */
  static List<SearchViews.Segment> fromRanges(String content, List<int[]> ranges) {
    int from = ranges.isEmpty() ? 0 : Math.max(0, ranges.get(0)[0] - LEAD);
    int to = Math.min(content.length(), from + WIDTH);
    from = safe(content, from);
    to = safe(content, to);
    List<SearchViews.Segment> segments = new ArrayList<>();
    int at = from;
    for (int[] range : ranges) {
      if (range[0] >= to) {
        break;
      }
      if (range[0] < at) {
        continue;
      }
      add(segments, content.substring(at, range[0]), false);
      int end = Math.min(range[1], to);
      add(segments, content.substring(range[0], end), true);
      at = end;
    }
    add(segments, content.substring(at, to), false);
    return segments;
  }

  /** Never split a surrogate pair. */
  private static int safe(String content, int index) {
    return index > 0 && index < content.length() && Character.isLowSurrogate(content.charAt(index))
        ? index - 1
        : index;
  }

  private static void add(List<SearchViews.Segment> segments, String text, boolean match) {
    if (!text.isEmpty()) {
      segments.add(new SearchViews.Segment(text, match));
    }
  }
}

package dev.nexuschat.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {
  private static SearchViews.Segment plain(String text) {
    return new SearchViews.Segment(text, false);
  }

  private static SearchViews.Segment match(String text) {
    return new SearchViews.Segment(text, true);
  }

  @Test
  void headlineMarksBecomeSegmentsAndMaskedMarkupComesBack() {
    String headline =
        "the "
            + Snippets.START
            + "quarterly"
            + Snippets.STOP
            + " report is "
            + Snippets.MASKED_LESS_THAN
            + "b>ready";
    assertThat(Snippets.fromHeadline(headline))
        .containsExactly(plain("the "), match("quarterly"), plain(" report is <b>ready"));
  }

  @Test
  void rangesMarkTheirTextAroundTheFirstMatch() {
    String content = "x".repeat(100) + " quarterly report";
    List<SearchViews.Segment> segments =
        Snippets.fromRanges(content, List.of(new int[] {101, 110}, new int[] {111, 117}));
    assertThat(segments)
        .containsExactly(
            plain("x".repeat(59) + " "), match("quarterly"), plain(" "), match("report"));
  }

  @Test
  void aSnippetNeverSplitsASurrogatePair() {
    String content = "😀".repeat(200) + " hit";
    List<SearchViews.Segment> segments =
        Snippets.fromRanges(content, List.of(new int[] {401, 404}));
    String text = segments.stream().map(SearchViews.Segment::text).reduce("", String::concat);
    assertThat(Character.isLowSurrogate(text.charAt(0))).isFalse();
    assertThat(segments.get(segments.size() - 1)).isEqualTo(match("hit"));
  }
}

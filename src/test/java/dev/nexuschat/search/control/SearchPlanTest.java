package dev.nexuschat.search.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SearchPlanTest {
  /** 2 million messages, the newest 1000 sent over 20 s (50 a second), all searched. */
  private static final long NEWEST = 1_000_000_000_000L;

  private static final SearchPlan.Probe BUSY =
      new SearchPlan.Probe(2_000_000, NEWEST, NEWEST - 20_000_000, 1000, 1000);

  @Test
  void aRareWordReadsAllItsMatches() {
    assertThat(SearchPlan.choose(1500, BUSY).kind()).isEqualTo(SearchPlan.Kind.ALL_MATCHES);
  }

  @Test
  void roomsWithoutRecentMessagesReadAllMatches() {
    SearchPlan.Probe quiet = new SearchPlan.Probe(2_000_000, NEWEST, NEWEST - 20_000_000, 1000, 0);
    assertThat(SearchPlan.choose(80_000, quiet).kind()).isEqualTo(SearchPlan.Kind.ALL_MATCHES);
  }

  @Test
  void aSmallTableReadsAllMatches() {
    SearchPlan.Probe small = new SearchPlan.Probe(900, NEWEST, NEWEST - 20_000_000, 900, 900);
    assertThat(SearchPlan.choose(2500, small).kind()).isEqualTo(SearchPlan.Kind.ALL_MATCHES);
  }

  @Test
  void aCommonWordWalksNewestFirstBoundedByTwiceTheRowsItShouldRead() {
    SearchPlan plan = SearchPlan.choose(400_000, BUSY); // in 1 of 5 messages: ~5000 rows to walk
    assertThat(plan.kind()).isEqualTo(SearchPlan.Kind.NEWEST_FIRST);
    assertThat(plan.rows()).isCloseTo(10_000, within(1.0));
    assertThat(plan.sinceMicros()).isEqualTo(NEWEST - 200_000_000); // 10 000 rows at 50 a second
  }

  @Test
  void aWordInOneAndAHalfPercentReadsAShortWindowOnTheBtree() {
    SearchPlan plan = SearchPlan.choose(29_000, BUSY);
    assertThat(plan.kind()).isEqualTo(SearchPlan.Kind.RECENT_BY_INDEX);
    // 1000 candidates at 1.45 %: ~69 000 messages, with the margin ~103 000: 2069 s at 50 a second
    assertThat(plan.rows()).isCloseTo(1.5 * 1000 * 2_000_000 / 29_000, within(1.0));
    assertThat(plan.sinceMicros()).isCloseTo(NEWEST - 2_068_965_517L, within(1000L));
  }

  @Test
  void aWordInAFewThousandthsReadsALongWindowOnBrin() {
    assertThat(SearchPlan.choose(6000, BUSY).kind()).isEqualTo(SearchPlan.Kind.RECENT_BY_BLOCKS);
  }

  @Test
  void roomsWithATenthOfTheRecentMessagesReadAsForATenTimesRarerWord() {
    SearchPlan.Probe tenth =
        new SearchPlan.Probe(2_000_000, NEWEST, NEWEST - 20_000_000, 1000, 100);
    // the walk a busy user takes for a word in 4 % of the messages...
    assertThat(SearchPlan.choose(85_000, BUSY).kind()).isEqualTo(SearchPlan.Kind.NEWEST_FIRST);
    // ...is a window for one who sees a tenth of the newest: as long as for a word in 0.4 %
    SearchPlan plan = SearchPlan.choose(85_000, tenth);
    assertThat(plan.kind()).isEqualTo(SearchPlan.Kind.RECENT_BY_BLOCKS);
    assertThat(plan.rows()).isCloseTo(SearchPlan.choose(8_500, BUSY).rows(), within(1.0));
    assertThat(plan.rows()).isCloseTo(1.5 * 1000 / 0.00425, within(1.0));
  }

  @Test
  void aShortWindowIsWidenedByTheShareOfCandidatesItFound() {
    SearchPlan first = SearchPlan.choose(29_000, BUSY);
    SearchPlan wider = first.widened(100, BUSY);
    assertThat(wider.rows()).isCloseTo(first.rows() * 1.5 * 10, within(1.0));
    assertThat(wider.sinceMicros()).isLessThan(first.sinceMicros());
    assertThat(wider.kind()).isEqualTo(SearchPlan.Kind.RECENT_BY_BLOCKS);
  }

  @Test
  void aWindowAsLongAsTheTableReadsAllMatches() {
    SearchPlan first = SearchPlan.choose(29_000, BUSY);
    assertThat(first.widened(1, BUSY).kind()).isEqualTo(SearchPlan.Kind.ALL_MATCHES);
  }

  @Test
  void aBurstInOneInstantCountsAsASecond() {
    SearchPlan.Probe burst = new SearchPlan.Probe(2_000_000, NEWEST, NEWEST, 1000, 1000);
    SearchPlan plan = SearchPlan.choose(29_000, burst);
    assertThat(plan.sinceMicros())
        .isCloseTo(NEWEST - (long) (1_000_000 * plan.rows() / 1000), within(1000L));
  }
}

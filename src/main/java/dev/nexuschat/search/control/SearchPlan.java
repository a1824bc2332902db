package dev.nexuschat.search.control;

/**
 * How a PostgreSQL search finds its {@link MessageSearch#CANDIDATES} newest matches. Every plan
 * returns the same candidates; they differ in what they read (docs/PERFORMANCE.md, "Session 9"):
 *
 * <ul>
 *   <li>{@link Kind#ALL_MATCHES}: PostgreSQL's own choice, in practice the GIN index: every match
 *       is fetched to find the newest, cheap when a word is rare.
 *   <li>{@link Kind#NEWEST_FIRST}: walk the messages newest first ({@code ix_messages_newest}) and
 *       stop at the last candidate, cheap when many of the newest messages match; bounded by a
 *       window too, in case the estimate was wrong.
 *   <li>{@link Kind#RECENT_BY_INDEX} and {@link Kind#RECENT_BY_BLOCKS}: only the messages since
 *       {@link #sinceMicros}, a window expected to hold the candidates with a margin, intersected
 *       with the GIN index by the btree {@code ix_messages_newest} or the BRIN {@code
 *       ix_messages_created_brin} (changeset 011; see {@link #window}). A window that turns out to
 *       hold fewer candidates than wanted is widened ({@link #widened}): its answer is exact only
 *       when it holds them all (the newest candidates are all in the newest messages).
 * </ul>
 */
record SearchPlan(Kind kind, long sinceMicros, double rows) {
  enum Kind {
    ALL_MATCHES,
    NEWEST_FIRST,
    RECENT_BY_INDEX,
    RECENT_BY_BLOCKS
  }

  /** Fewer matches than this in all: fetching every one is as cheap as any plan. */
  static final double RARE = 2.0 * MessageSearch.CANDIDATES;

  /** Newest messages read per candidate by the walk, at most (~0.8 µs a row here: ~25 ms). */
  static final double WALK_ROWS = 30_000;

  /** The walk stops after this many times the rows it was expected to read. */
  static final double WALK_BOUND = 2;

  /** Windows up to this many messages are read on the btree, longer ones on BRIN. */
  static final double INDEX_WINDOW_ROWS = 200_000;

  /** A window holds this many times the messages expected to yield the candidates. */
  static final double MARGIN = 1.5;

  /** How many of the newest messages {@link Probe} looks at. */
  static final int SAMPLE = 1000;

  /**
   * What the plan is chosen from, read cheaply before the search: the table's size ({@code
   * reltuples}), the newest {@link #SAMPLE} messages' time span and how many of them the search can
   * see (the caller's rooms, or the one room asked for).
   */
  record Probe(double messages, long newestMicros, long oldestMicros, int sampled, int visible) {}

  static SearchPlan allMatches() {
    return new SearchPlan(Kind.ALL_MATCHES, 0, 0);
  }

  /** The walk, bounded: it stops at the window's start if the estimate was wrong. */
  static SearchPlan newestFirst(double rows, Probe probe) {
    return new SearchPlan(Kind.NEWEST_FIRST, start(rows, probe), rows);
  }

  /**
   * The plan for a query PostgreSQL estimates to match {@code estimatedMatches} messages in all:
   * the share of them in the searched rooms' recent messages says how many newest messages hold the
   * candidates, and that how to read them.
   */
  static SearchPlan choose(double estimatedMatches, Probe probe) {
    if (estimatedMatches <= RARE
        || probe.messages() <= 0
        || probe.sampled() < SAMPLE
        || probe.visible() == 0) {
      // rare, a small table, or rooms quiet lately (the newest messages tell nothing about them)
      return allMatches();
    }
    double matching = Math.min(1.0, estimatedMatches / probe.messages());
    double visible = (double) probe.visible() / probe.sampled();
    double walk = MessageSearch.CANDIDATES / (matching * visible);
    if (walk <= WALK_ROWS) {
      return newestFirst(WALK_BOUND * walk, probe);
    }
    return window(MARGIN * walk, probe);
  }

  /**
   * A window of the newest {@code rows} messages, its start extrapolated from the probe: on the
   * btree when short (its bitmap lists every message of the window, ~0.07 µs each), on BRIN when
   * long (whole pages; PostgreSQL may AND from that side, then every message of those pages is
   * rechecked, which a short window's word, common enough to fill it, made slower: 60 vs 20 ms).
   */
  static SearchPlan window(double rows, Probe probe) {
    if (rows >= probe.messages()) {
      return allMatches();
    }
    Kind kind = rows <= INDEX_WINDOW_ROWS ? Kind.RECENT_BY_INDEX : Kind.RECENT_BY_BLOCKS;
    return new SearchPlan(kind, start(rows, probe), rows);
  }

  /** When the newest {@code rows} messages began, at the rate of the probe's sample. */
  private static long start(double rows, Probe probe) {
    // at least a second: a burst of messages in one instant says little about the rate
    long span = Math.max(1_000_000, probe.newestMicros() - probe.oldestMicros());
    return probe.newestMicros() - (long) (span * (rows / probe.sampled()));
  }

  /** Whether the plan reads only the messages since {@link #sinceMicros}. */
  boolean isBounded() {
    return kind != Kind.ALL_MATCHES;
  }

  /**
   * After this plan's window held only {@code found} candidates (fewer than wanted, more than
   * none): a window that should hold them all by the share found, with the margin.
   */
  SearchPlan widened(long found, Probe probe) {
    return window(rows * MARGIN * MessageSearch.CANDIDATES / Math.max(1, found), probe);
  }
}

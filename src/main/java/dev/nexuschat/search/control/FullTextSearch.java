package dev.nexuschat.search.control;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of PostgreSQL's message search and the choice between them ({@link SearchPlan}):
 * PostgreSQL's estimate of the query's matches and a probe of the newest messages first, then the
 * search itself, again over a wider window if the first held too few candidates. The statements run
 * through {@link Sql}: JPA in the server ({@link PostgresMessageSearch}), JDBC in tests.
 */
final class FullTextSearch {
  /** Runs one statement; parameters are numbered {@code ?1..?n}, {@code parameters} in order. */
  interface Sql {
    List<Object[]> rows(String sql, List<Object> parameters);
  }

  /** A page of hits, and how many candidates the plan found (at most {@code CANDIDATES}). */
  record Found(List<SearchHit> hits, long candidates) {}

  private static final String MARKS = "StartSel=" + Snippets.START + ", StopSel=" + Snippets.STOP;

  /** A long message shows its best fragments (ts_headline's word limits, ends at words)... */
  private static final String FRAGMENTS =
      MARKS + ", MaxWords=35, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

  /** ...a short one is shown whole, down to its last character. */
  private static final String WHOLE = MARKS + ", HighlightAll=true";

  private static final int SHOWN_WHOLE = 400;

  private static final Pattern ROWS = Pattern.compile("rows=(\\d+)");

  private final Sql sql;
  private final int timeoutMillis;

  /** The plan of the last statement {@link #find} ran, and how many it ran (for the benchmark). */
  private SearchPlan used;

  private int searches;

  FullTextSearch(Sql sql, int timeoutMillis) {
    this.sql = sql;
    this.timeoutMillis = Math.max(1, timeoutMillis);
  }

  /**
   * The settings of a search, LOCAL: they end with the transaction, the pooled connection keeps its
   * defaults. A custom plan every time: a generic one (the driver prepares a statement after a few
   * runs) would not know the words, and one plan cannot serve both a common and a rare word. No
   * JIT: compiling took 10-40 ms of a 20 ms search (its cost estimates are made for long analytic
   * queries). No parallel workers: starting them cost more than they saved (the walk: 46 ms, alone
   * 25 ms), and on a busy server they take the cores of other requests.
   */
  void settings() {
    sql.rows(
        "SELECT set_config('statement_timeout', ?1, true),"
            + " set_config('plan_cache_mode', 'force_custom_plan', true),"
            + " set_config('jit', 'off', true),"
            + " set_config('max_parallel_workers_per_gather', '0', true)",
        List.of(String.valueOf(timeoutMillis)));
  }

  /** The hits after {@code cursor}, by the plan that reads least for this query. */
  List<SearchHit> find(SearchFilter filter, SearchCursor cursor, int limit) {
    long start = System.nanoTime();
    settings();
    // PostgreSQL estimates a phrase as its words ANDed ("release today": 94 387, 3 765 match in
    // the benchmark): a window sized by that is far too short, and every retry rechecks positions.
    if (filter.query().hasPhrase()) {
      return run(filter, cursor, limit, SearchPlan.allMatches()).hits();
    }
    double estimate = estimatedMatches(filter.query());
    if (estimate <= SearchPlan.RARE) {
      return run(filter, cursor, limit, SearchPlan.allMatches()).hits();
    }
    SearchPlan.Probe probe = probe(filter);
    SearchPlan plan = SearchPlan.choose(estimate, probe);
    // A bounded plan's guess may be short (an estimate off, quiet rooms): widened by what it found,
    // at most twice, then every match is read.
    for (int attempt = 0; attempt < 3 && plan.isBounded(); attempt++) {
      if (attempt > 0) {
        timeLeft(start);
      }
      Found found = run(filter, cursor, limit, plan);
      if (found.candidates() >= MessageSearch.CANDIDATES) {
        return found.hits();
      }
      plan =
          found.candidates() == 0 || attempt == 2
              ? SearchPlan.allMatches()
              : plan.widened(found.candidates(), probe);
    }
    if (used != null) {
      timeLeft(start);
    }
    return run(filter, cursor, limit, plan).hits();
  }

  /**
   * The timeout bounds the whole search, not each attempt: the next statement gets what is left.
   */
  private void timeLeft(long start) {
    long left = timeoutMillis - (System.nanoTime() - start) / 1_000_000;
    sql.rows(
        "SELECT set_config('statement_timeout', ?1, true)",
        List.of(String.valueOf(Math.max(1, left))));
  }

  /**
   * PostgreSQL's estimate of the messages matching the query in all, from the vector's statistics
   * (the planner's, so phrases, {@code or} and {@code -word} are estimated as it would).
   */
  double estimatedMatches(SearchQuery query) {
    Params p = new Params();
    String text = p.add(query.text());
    List<Object[]> plan =
        sql.rows(
            "EXPLAIN SELECT 1 FROM messages m WHERE m.search_vector @@ " + match(text), p.values);
    Matcher rows = ROWS.matcher(String.valueOf(plan.get(0)[0]));
    return rows.find() ? Double.parseDouble(rows.group(1)) : Double.MAX_VALUE;
  }

  /**
   * The newest {@link SearchPlan#SAMPLE} messages: their time span and how many of them the search
   * can see (its rooms, its sender).
   */
  SearchPlan.Probe probe(SearchFilter filter) {
    Params p = new Params();
    String visible =
        "n.room_id IN (SELECT rm.room_id FROM room_members rm WHERE rm.user_id = "
            + p.add(filter.userId())
            + ")"
            + (filter.roomId() == null ? "" : " AND n.room_id = " + p.add(filter.roomId()))
            + (filter.senderId() == null ? "" : " AND n.sender_id = " + p.add(filter.senderId()));
    Object[] row =
        sql.rows(
                "SELECT CAST((SELECT c.reltuples FROM pg_class c"
                    + " WHERE c.oid = CAST('messages' AS regclass)) AS bigint),"
                    + " CAST(EXTRACT(EPOCH FROM max(n.created_at)) * 1000000 AS bigint),"
                    + " CAST(EXTRACT(EPOCH FROM min(n.created_at)) * 1000000 AS bigint),"
                    + " count(*), count(*) FILTER (WHERE "
                    + visible
                    + ") FROM (SELECT m.created_at, m.room_id, m.sender_id FROM messages m"
                    + " ORDER BY m.created_at DESC, m.id DESC LIMIT "
                    + SearchPlan.SAMPLE
                    + ") n",
                p.values)
            .get(0);
    return new SearchPlan.Probe(
        number(row[0]),
        (long) number(row[1]),
        (long) number(row[2]),
        (int) number(row[3]),
        (int) number(row[4]));
  }

  SearchPlan used() {
    return used;
  }

  int searches() {
    return searches;
  }

  /** One search statement by {@code plan}. */
  Found run(SearchFilter filter, SearchCursor cursor, int limit, SearchPlan plan) {
    used = plan;
    searches++;
    if (plan.kind() == SearchPlan.Kind.NEWEST_FIRST) {
      // the walk is the only plan left that returns the newest first without a sort (else
      // PostgreSQL may pick the room index and sort, or a bitmap: hundreds of ms for a 4 % word)
      sql.rows(
          "SELECT set_config('enable_seqscan', 'off', true),"
              + " set_config('enable_bitmapscan', 'off', true),"
              + " set_config('enable_sort', 'off', true)",
          List.of());
    }
    Params p = new Params();
    String text = p.add(filter.query().text());
    StringBuilder statement =
        new StringBuilder("WITH q AS (SELECT websearch_to_tsquery('english', ")
            .append(text)
            .append(") || websearch_to_tsquery('simple', ")
            .append(text)
            .append(") AS query,")
            // only stop words: 'english' would find nothing to highlight
            .append(" numnode(websearch_to_tsquery('english', ")
            .append(text)
            .append(")) = 0 AS stop_words),")
            // The match is written out, not read from q: PostgreSQL then plans with the query's
            // words and their frequency.
            .append(" candidates AS (SELECT m.id, m.created_at, m.search_vector FROM messages m")
            .append(" WHERE m.search_vector @@ ")
            .append(match(text))
            .append(" AND m.deleted_at IS NULL AND m.room_id IN")
            .append(" (SELECT rm.room_id FROM room_members rm WHERE rm.user_id = ")
            .append(p.add(filter.userId()))
            .append(")");
    if (filter.roomId() != null) {
      statement.append(" AND m.room_id = ").append(p.add(filter.roomId()));
    }
    if (filter.senderId() != null) {
      statement.append(" AND m.sender_id = ").append(p.add(filter.senderId()));
    }
    String since =
        "to_timestamp(CAST(" + p.add(plan.sinceMicros()) + " AS double precision) / 1e6)";
    if (plan.kind() == SearchPlan.Kind.RECENT_BY_INDEX) {
      // a row comparison only the btree (created_at DESC, id DESC) answers: the same window as
      // created_at >= since, kept away from the BRIN index
      statement
          .append(" AND (m.created_at, m.id) >= (")
          .append(since)
          .append(", CAST('00000000-0000-0000-0000-000000000000' AS uuid))");
    } else if (plan.kind() == SearchPlan.Kind.RECENT_BY_BLOCKS
        || plan.kind() == SearchPlan.Kind.NEWEST_FIRST) {
      statement.append(" AND m.created_at >= ").append(since);
    }
    statement
        .append(" ORDER BY m.created_at DESC, m.id DESC LIMIT ")
        .append(MessageSearch.CANDIDATES)
        .append("), ranked AS (SELECT c.id,")
        .append(" CAST(ts_rank_cd(c.search_vector, q.query, 1) * 1000000 AS bigint) AS score,")
        .append(" CAST(EXTRACT(EPOCH FROM c.created_at) * 1000000 AS bigint) AS micros")
        .append(" FROM candidates c, q), page AS (SELECT * FROM ranked");
    if (cursor != null) {
      statement
          .append(" WHERE (score, micros, id) < (")
          .append(p.add(cursor.score()))
          .append(", ")
          .append(p.add(cursor.createdMicros()))
          .append(", ")
          .append(p.add(cursor.id()))
          .append(")");
    }
    String masked = p.add(String.valueOf(Snippets.MASKED_LESS_THAN));
    String marks =
        p.add("" + Snippets.LESS_THAN + Snippets.START + Snippets.STOP + Snippets.MASKED_LESS_THAN);
    statement
        .append(" ORDER BY score DESC, micros DESC, id DESC LIMIT ")
        .append(p.add(limit))
        .append(")")
        // one row even for an empty page: it carries the candidates' count
        .append(" SELECT p.id, p.score, p.micros, ts_headline(CASE WHEN q.stop_words")
        .append(" THEN CAST('simple' AS regconfig) ELSE CAST('english' AS regconfig) END,")
        .append(" translate(m.content, ")
        .append(marks)
        .append(", ")
        .append(masked)
        .append("), q.query, CASE WHEN length(m.content) <= " + SHOWN_WHOLE + " THEN ")
        .append(p.add(WHOLE))
        .append(" ELSE ")
        .append(p.add(FRAGMENTS))
        .append(" END), (SELECT count(*) FROM candidates)")
        .append(" FROM (SELECT 1) one LEFT JOIN (page p JOIN messages m ON m.id = p.id) ON true, q")
        .append(" ORDER BY p.score DESC, p.micros DESC, p.id DESC");
    List<SearchHit> hits = new ArrayList<>();
    long candidates = 0;
    for (Object[] row : sql.rows(statement.toString(), p.values)) {
      candidates = (long) number(row[4]);
      if (row[0] != null) {
        hits.add(
            new SearchHit(
                (UUID) row[0],
                ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(),
                Snippets.fromHeadline((String) row[3])));
      }
    }
    return new Found(hits, candidates);
  }

  /**
   * The query in both configurations the vector holds, once when they read it alike (a word without
   * a stem): 'w20' | 'w20' would double PostgreSQL's estimate of its matches. With the text known
   * at planning (a custom plan) the CASE is folded to one tsquery.
   */
  private static String match(String text) {
    String english = "websearch_to_tsquery('english', " + text + ")";
    String simple = "websearch_to_tsquery('simple', " + text + ")";
    return "(CASE WHEN "
        + english
        + " = "
        + simple
        + " THEN "
        + simple
        + " ELSE "
        + english
        + " || "
        + simple
        + " END)";
  }

  private static double number(Object value) {
    return value == null ? 0 : ((Number) value).doubleValue();
  }

  /** Numbered parameters in the order they are added. */
  private static final class Params {
    final List<Object> values = new ArrayList<>();

    String add(Object value) {
      values.add(value);
      return "?" + values.size();
    }
  }
}

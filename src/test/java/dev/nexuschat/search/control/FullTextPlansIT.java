package dev.nexuschat.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.TestUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every plan of {@link FullTextSearch} finds the same results, page by page, as reading all
 * matches: the walk and both windows when they hold the newest {@link MessageSearch#CANDIDATES}
 * matches, down to a window that starts at the last candidate's second (messages share seconds);
 * and a window one second shorter says it held too few. On a room of 2600 seeded messages whose
 * words are in all, a half, a third or a tenth of them; the automatic choice, by JDBC and through
 * the API (JPA), answers the same.
 */
@NexusIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullTextPlansIT {
  private static final int MESSAGES = 2600;
  private static final int PAGE = 50;

  private final String w = "zq" + Long.toString(Math.abs(new Random().nextLong()), 36);
  private Connection db;
  private TestUser owner;
  private UUID alice;
  private UUID bob;
  private UUID room;

  @BeforeAll
  void seed() throws SQLException {
    owner = Api.newUser("ftp_a");
    TestUser member = Api.newUser("ftp_b");
    alice = UUID.fromString(owner.id());
    bob = UUID.fromString(member.id());
    room = UUID.fromString(Api.newRoom(owner, member));
    db = NexusServer.services().openDatabase();
    // five messages a second (ties in time), every 4th by bob, every 50th deleted; a word twice
    // in every 7th message, so ranks differ
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO messages (id, room_id, seq, sender_id, content, created_at, updated_at,"
                + " deleted_at) SELECT gen_random_uuid(), ?, i,"
                + " CASE WHEN i % 4 = 0 THEN ? ELSE ? END,"
                + " concat_ws(' ', ? || 'all', CASE WHEN i % 2 = 0 THEN ? || 'half' END,"
                + " CASE WHEN i % 3 = 0 THEN ? || 'third' END,"
                + " CASE WHEN i % 10 = 0 THEN ? || 'tenth' END,"
                + " CASE WHEN i % 7 = 0 THEN ? || 'half reports' END, 'message ' || i),"
                + " t, t, CASE WHEN i % 50 = 0 THEN t END"
                + " FROM generate_series(1, ?) i,"
                + " LATERAL (SELECT date_trunc('second', now()) - interval '1 hour'"
                + " + (i / 5) * interval '1 second' AS t) s")) {
      insert.setObject(1, room);
      insert.setObject(2, bob);
      insert.setObject(3, alice);
      for (int p = 4; p <= 8; p++) {
        insert.setString(p, w);
      }
      insert.setInt(9, MESSAGES);
      insert.executeUpdate();
    }
    try (Statement analyze = db.createStatement()) {
      analyze.execute("ANALYZE messages"); // the estimates the plan is chosen by
    }
    db.setAutoCommit(false);
  }

  @AfterAll
  void close() throws SQLException {
    db.close();
  }

  @Test
  void everyPlanFindsWhatReadingAllMatchesFinds() throws SQLException {
    for (String q :
        List.of(
            w + "all",
            w + "half",
            w + "third " + w + "half",
            w + "all -" + w + "third",
            w + "tenth or " + w + "third",
            w + "half report")) {
      SearchFilter filter = new SearchFilter(SearchQuery.parse(q), alice, null, null);
      assertPlansAgree(filter);
    }
    // one room, one sender
    assertPlansAgree(new SearchFilter(SearchQuery.parse(w + "all"), alice, room, bob));
  }

  @Test
  void theAutomaticChoiceFindsWhatReadingAllMatchesFinds() throws SQLException {
    for (String q : List.of(w + "all", w + "half", w + "tenth", w + "all -" + w + "half")) {
      SearchFilter filter = new SearchFilter(SearchQuery.parse(q), alice, null, null);
      List<SearchHit> all = pages(filter, SearchPlan.allMatches());
      List<SearchHit> found = new ArrayList<>();
      SearchCursor cursor = null;
      while (true) {
        List<SearchHit> page =
            new FullTextSearch(new JdbcSql(db), 10_000).find(filter, cursor, PAGE);
        db.commit();
        found.addAll(page);
        if (page.size() < PAGE) {
          break;
        }
        cursor = SearchCursor.after(page.get(page.size() - 1));
      }
      assertThat(found).as(q).isEqualTo(all);
    }
  }

  @Test
  void theApiAnswersPageByPageWhatReadingAllMatchesFinds() throws SQLException {
    String q = w + "all"; // 2600 matches: the server estimates, probes and picks its plan
    List<String> all =
        pages(new SearchFilter(SearchQuery.parse(q), alice, null, null), SearchPlan.allMatches())
            .stream()
            .map(hit -> hit.id().toString())
            .toList();
    List<String> answered = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, Object> params =
          cursor == null
              ? Map.of("q", q, "limit", PAGE)
              : Map.of("q", q, "limit", PAGE, "cursor", cursor);
      var page =
          Api.as(owner)
              .queryParams(params)
              .get("/api/v1/search/messages")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      answered.addAll(page.getList("results.message.id"));
      cursor = page.getString("next_cursor");
    } while (cursor != null);
    assertThat(answered).isEqualTo(all);
  }

  private void assertPlansAgree(SearchFilter filter) throws SQLException {
    List<SearchHit> all = pages(filter, SearchPlan.allMatches());
    long matches = count(filter);
    assertThat(all).hasSize((int) Math.min(matches, MessageSearch.CANDIDATES)).isNotEmpty();
    long last = lastCandidateMicros(filter);
    for (SearchPlan.Kind kind :
        List.of(
            SearchPlan.Kind.NEWEST_FIRST,
            SearchPlan.Kind.RECENT_BY_INDEX,
            SearchPlan.Kind.RECENT_BY_BLOCKS)) {
      String what = kind + " " + filter.query().text();
      // from the last candidate's second: exactly enough
      SearchPlan tight = new SearchPlan(kind, last, 0);
      assertThat(candidates(filter, tight)).as(what).isEqualTo(Math.min(matches, 1000));
      assertThat(pages(filter, tight)).as(what).isEqualTo(all);
      // from the second after it: short, when there are more matches than candidates
      if (matches > MessageSearch.CANDIDATES) {
        SearchPlan shorter = new SearchPlan(kind, last + 1_000_000, 0);
        assertThat(candidates(filter, shorter)).as(what).isLessThan(MessageSearch.CANDIDATES);
      }
    }
  }

  /** A search with the server's settings, in a new transaction. */
  private FullTextSearch search() {
    FullTextSearch search = new FullTextSearch(new JdbcSql(db), 10_000);
    search.settings();
    return search;
  }

  private List<SearchHit> pages(SearchFilter filter, SearchPlan plan) throws SQLException {
    List<SearchHit> hits = new ArrayList<>();
    SearchCursor cursor = null;
    while (true) {
      List<SearchHit> page = search().run(filter, cursor, PAGE, plan).hits();
      db.commit();
      hits.addAll(page);
      if (page.size() < PAGE) {
        return hits;
      }
      cursor = SearchCursor.after(page.get(page.size() - 1));
    }
  }

  private long candidates(SearchFilter filter, SearchPlan plan) throws SQLException {
    long found = search().run(filter, null, PAGE, plan).candidates();
    db.commit();
    return found;
  }

  private long count(SearchFilter filter) throws SQLException {
    return ((Number) visible(filter, "count(*)", "").get(0)[0]).longValue();
  }

  /** When the newest CANDIDATES-th match (or the oldest match) was sent, in µs. */
  private long lastCandidateMicros(SearchFilter filter) throws SQLException {
    long matches = count(filter);
    long offset = Math.min(matches, MessageSearch.CANDIDATES) - 1;
    return ((Number)
            visible(
                    filter,
                    "CAST(EXTRACT(EPOCH FROM m.created_at) * 1000000 AS bigint)",
                    " ORDER BY m.created_at DESC, m.id DESC OFFSET " + offset + " LIMIT 1")
                .get(0)[0])
        .longValue();
  }

  private List<Object[]> visible(SearchFilter filter, String select, String tail)
      throws SQLException {
    List<Object> parameters = new ArrayList<>(List.of(filter.query().text(), filter.userId()));
    String sql =
        "SELECT "
            + select
            + " FROM messages m WHERE m.search_vector @@ (websearch_to_tsquery('english', ?1)"
            + " || websearch_to_tsquery('simple', ?1)) AND m.deleted_at IS NULL AND m.room_id IN"
            + " (SELECT rm.room_id FROM room_members rm WHERE rm.user_id = ?2)";
    if (filter.roomId() != null) {
      parameters.add(filter.roomId());
      sql += " AND m.room_id = ?" + parameters.size();
    }
    if (filter.senderId() != null) {
      parameters.add(filter.senderId());
      sql += " AND m.sender_id = ?" + parameters.size();
    }
    List<Object[]> rows = new JdbcSql(db).rows(sql + tail, parameters);
    db.commit();
    return rows;
  }
}

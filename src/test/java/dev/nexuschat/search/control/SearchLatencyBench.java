package dev.nexuschat.search.control;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The search benchmark through the server's own plan choice ({@link FullTextSearch}, every round
 * trip included), on a database seeded by bench/db (docs/PERFORMANCE.md, Search): run by
 * bench/db/search-bench-plans.sh, skipped otherwise. Searches as the heavy user (500 rooms).
 */
@EnabledIfSystemProperty(named = "search.bench.url", matches = ".+")
class SearchLatencyBench {
  private static final String URL = System.getProperty("search.bench.url");
  private static final long SECONDS = Long.getLong("search.bench.seconds", 15);
  private static final int CLIENTS = 2;

  @Test
  void measure() throws Exception {
    UUID heavy = user("ORDER BY count(*) DESC LIMIT 1");
    // a typical user: in a couple of the ten-member rooms (a few hundred messages), not the hot one
    UUID light = user("HAVING count(*) > 1 ORDER BY count(*), user_id LIMIT 1");
    System.out.println("heavy user " + heavy + ", light user " + light);
    for (String q : List.of("w40000", "w500", "w60", "w20", "w3")) {
      single(light, "light " + q, q);
    }
    for (String q :
        List.of(
            "w40000",
            "w3000",
            "w1000",
            "w500",
            "w300",
            "w150",
            "w100",
            "w60",
            "w40",
            "w20",
            "w8",
            "w3",
            "w1",
            "the",
            "report deploying",
            "\"release today\"")) {
      single(heavy, q, q);
    }
    band(heavy, "rare w10000-50000", () -> "w" + between(10000, 50000));
    band(heavy, "middling w300-3000", () -> "w" + between(300, 3000));
    band(heavy, "the band w20-w300", () -> "w" + between(20, 300));
    band(heavy, "two words", () -> "w" + between(300, 3000) + " w" + between(10000, 50000));
    band(heavy, "common w1-w20", () -> "w" + between(1, 20));
  }

  private static int between(int low, int high) {
    return ThreadLocalRandom.current().nextInt(low, high + 1);
  }

  private static Connection connect() throws SQLException {
    Connection db = DriverManager.getConnection(URL);
    db.setAutoCommit(false);
    return db;
  }

  /**
   * One search in its own transaction, as the server runs it: the plan it ended with, and "+n" for
   * n statements before (windows that held too few).
   */
  private static String search(Connection db, UUID user, String q) throws SQLException {
    FullTextSearch search = new FullTextSearch(new JdbcSql(db), 1500);
    try {
      search.find(new SearchFilter(SearchQuery.parse(q), user, null, null), null, 21);
    } catch (IllegalStateException canceled) {
      db.rollback();
      return null;
    }
    db.commit();
    String plan = search.used().kind().name();
    return search.searches() > 1 ? plan + "+" + (search.searches() - 1) : plan;
  }

  private static UUID user(String order) throws SQLException {
    try (Connection db = connect()) {
      return (UUID)
          new JdbcSql(db)
              .rows("SELECT user_id FROM room_members GROUP BY user_id " + order, List.of())
              .get(0)[0];
    }
  }

  private static void single(UUID user, String name, String q) throws SQLException {
    try (Connection db = connect()) {
      List<Double> times = new ArrayList<>();
      String plan = null;
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        plan = search(db, user, q);
        times.add((System.nanoTime() - start) / 1e6);
      }
      Collections.sort(times);
      System.out.printf(
          "%-20s %-18s median of 5 %7.1f ms (min %.1f, max %.1f)%n",
          name, plan == null ? "canceled" : plan, times.get(2), times.get(0), times.get(4));
    }
  }

  private static void band(UUID user, String name, Supplier<String> query) throws Exception {
    List<Double> all = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> plans = Collections.synchronizedMap(new TreeMap<>());
    long end = System.nanoTime() + SECONDS * 1_000_000_000L;
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      Thread client =
          new Thread(
              () -> {
                try (Connection db = connect()) {
                  while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    String plan = search(db, user, query.get());
                    all.add((System.nanoTime() - start) / 1e6);
                    plans.merge(plan == null ? "canceled" : plan, 1, Integer::sum);
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      client.start();
      clients.add(client);
    }
    for (Thread client : clients) {
      client.join();
    }
    List<Double> sorted = new ArrayList<>(all);
    Collections.sort(sorted);
    int n = sorted.size();
    System.out.printf(
        "%-20s n=%d p50=%.1f ms p99=%.1f ms p99.9=%.1f ms max=%.1f ms plans %s%n",
        name,
        n,
        sorted.get(n / 2),
        sorted.get((int) (n * 0.99)),
        sorted.get((int) (n * 0.999)),
        sorted.get(n - 1),
        plans);
  }
}

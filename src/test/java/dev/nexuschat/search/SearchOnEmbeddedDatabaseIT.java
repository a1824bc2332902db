package dev.nexuschat.search;

import dev.nexuschat.testsupport.LibertyInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Message search on the embedded H2 database (no NEXUS_DB_URL): the scanning fallback, held to the
 * same scenarios as PostgreSQL's full text.
 */
class SearchOnEmbeddedDatabaseIT extends SearchScenarios {
  private static LibertyInstance node;

  @BeforeAll
  static void start() {
    node =
        LibertyInstance.start("search-embedded", Map.of("NEXUS_TRUSTED_PROXIES", "127.0.0.1,::1"));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.stop();
    }
  }

  @Override
  String baseUrl() {
    return node.baseUrl();
  }
}

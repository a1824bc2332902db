package dev.nexuschat.search;

import dev.nexuschat.testsupport.EmbeddedNode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Message search on the embedded H2 database (no NEXUS_DB_URL): the scanning fallback, held to the
 * same scenarios as PostgreSQL's full text.
 */
@ExtendWith(EmbeddedNode.class)
class SearchOnEmbeddedDatabaseIT extends SearchScenarios {
  @Override
  String baseUrl() {
    return EmbeddedNode.baseUrl();
  }
}

package dev.nexuschat.search;

import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;

/** Message search on PostgreSQL: full text over the generated vector of changeset 006. */
@NexusIT
class SearchIT extends SearchScenarios {
  @Override
  String baseUrl() {
    return NexusServer.node().baseUrl();
  }
}

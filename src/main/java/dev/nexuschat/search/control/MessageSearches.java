package dev.nexuschat.search.control;

import dev.nexuschat.platform.persistence.DatabaseProduct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;

/** Picks the search strategy from the database product, once. */
@ApplicationScoped
class MessageSearches {
  private static final Logger LOG = Logger.getLogger(MessageSearches.class.getName());

  @Produces
  @ApplicationScoped
  MessageSearch forThisDatabase(
      DatabaseProduct database, PostgresMessageSearch fullText, ScanningMessageSearch scan) {
    boolean postgres = database.isPostgres();
    LOG.info(() -> "Searching messages " + (postgres ? "by full text" : "by scanning"));
    return postgres ? fullText : scan;
  }
}

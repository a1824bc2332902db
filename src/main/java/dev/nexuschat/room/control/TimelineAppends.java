package dev.nexuschat.room.control;

import dev.nexuschat.platform.persistence.DatabaseProduct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;

/** Picks the timeline's append strategy from the database product, once. */
@ApplicationScoped
class TimelineAppends {
  private static final Logger LOG = Logger.getLogger(TimelineAppends.class.getName());

  @Produces
  @ApplicationScoped
  TimelineAppend forThisDatabase(
      DatabaseProduct database, GroupCommitAppend groupCommit, EntityAppend entities) {
    boolean postgres = database.isPostgres();
    LOG.info(() -> "Appending messages " + (postgres ? "by group commit" : "through entities"));
    return postgres ? groupCommit : entities;
  }
}

package dev.nexuschat.room.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Picks the timeline's append strategy from the database product, once. */
@ApplicationScoped
class TimelineAppends {
  private static final Logger LOG = Logger.getLogger(TimelineAppends.class.getName());

  @Resource(lookup = "jdbc/nexus")
  DataSource dataSource;

  @Produces
  @ApplicationScoped
  TimelineAppend forThisDatabase(GroupCommitAppend groupCommit, EntityAppend entities) {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException("Database not reachable", e);
    }
    boolean postgres = "PostgreSQL".equals(product);
    LOG.info(() -> "Appending messages " + (postgres ? "by group commit" : "through entities"));
    return postgres ? groupCommit : entities;
  }
}

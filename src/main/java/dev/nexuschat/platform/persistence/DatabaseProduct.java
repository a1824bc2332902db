package dev.nexuschat.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Which database the node runs on, for the few features that use PostgreSQL's own machinery and
 * fall back to portable code on the embedded H2 database. Asked once per producer, at first use.
 */
@ApplicationScoped
public class DatabaseProduct {
  @Resource(lookup = "jdbc/nexus")
  DataSource dataSource;

  public boolean isPostgres() {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Database not reachable", e);
    }
  }
}

package dev.nexuschat.search.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link FullTextSearch}'s statements on a plain JDBC connection (the server runs them by JPA). */
final class JdbcSql implements FullTextSearch.Sql {
  private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

  private final Connection connection;

  JdbcSql(Connection connection) {
    this.connection = connection;
  }

  @Override
  public List<Object[]> rows(String sql, List<Object> parameters) {
    List<Object> bound = new ArrayList<>();
    Matcher numbered = NUMBERED.matcher(sql);
    while (numbered.find()) {
      bound.add(parameters.get(Integer.parseInt(numbered.group(1)) - 1));
    }
    try (PreparedStatement statement = connection.prepareStatement(numbered.replaceAll("?"))) {
      for (int i = 0; i < bound.size(); i++) {
        statement.setObject(i + 1, bound.get(i));
      }
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          Object[] row = new Object[columns];
          for (int c = 0; c < columns; c++) {
            row[c] = result.getObject(c + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

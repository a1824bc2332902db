package dev.nexuschat.platform.persistence;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which unique constraint a failed insert broke, read from the database's own report, never by
 * searching its text for a column word: the offending value is in that text too, and a username
 * such as {@code my_email} would name the wrong constraint.
 */
public final class UniqueViolation {
  private static final String UNIQUE_VIOLATION = "23505";
  // H2 names the index behind the constraint: PUBLIC.UQ_USERS_EMAIL_KEY_INDEX_4 ON PUBLIC.USERS
  // (the offending values follow, lower-cased keys in quotes: never upper-case names).
  private static final Pattern H2_INDEX =
      Pattern.compile("\"PUBLIC\\.([A-Z0-9_]{1,128}?)(?:_INDEX_[0-9A-Z]{1,10})? ON ");

  private UniqueViolation() {}

  /** The lower-cased name of the unique constraint {@code failure} reports, if it is one. */
  public static Optional<String> constraintOf(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return postgresConstraint(sql).or(() -> h2Constraint(sql));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  /** PostgreSQL's driver reports the constraint as a field of the server's error message. */
  private static Optional<String> postgresConstraint(SQLException sql) {
    try {
      Method serverMessage = sql.getClass().getMethod("getServerErrorMessage");
      Object message = serverMessage.invoke(sql);
      if (message == null) {
        return Optional.empty();
      }
      Object constraint = message.getClass().getMethod("getConstraint").invoke(message);
      return Optional.ofNullable((String) constraint).map(name -> name.toLowerCase(Locale.ROOT));
    } catch (ReflectiveOperationException | ClassCastException notPostgres) {
      return Optional.empty();
    }
  }

  private static Optional<String> h2Constraint(SQLException sql) {
    String message = String.valueOf(sql.getMessage());
    Matcher index = H2_INDEX.matcher(message.substring(0, Math.min(message.length(), 512)));
    return index.find() ? Optional.of(index.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }
}

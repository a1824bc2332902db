package dev.nexuschat.platform.web;

import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.errors.NotFound;
import java.util.UUID;

/** Path ids: a malformed id names nothing, so it is a 404 like an unknown one. */
public final class Ids {
  private Ids() {}

  public static UUID parse(String value, String what) {
    try {
      if (value != null && value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException malformed) {
      // fall through
    }
    throw new NotFound("No " + what + " " + value);
  }

  /** Ids inside a request body or query: malformed is a validation error on that field. */
  public static UUID field(String value, String field) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 36) {
        return UUID.fromString(value);
      }
    } catch (IllegalArgumentException malformed) {
      // fall through
    }
    throw new Invalid(field, "must be a UUID");
  }
}

package dev.nexuschat.platform.web;

import dev.nexuschat.platform.errors.Invalid;

/**
 * Query parameters are taken as strings and converted here: JAX-RS would answer a bad number with
 * 404, and the contract wants 400 with the field named.
 */
public final class QueryParams {
  private QueryParams() {}

  public static Integer optionalInt(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new Invalid(name, "must be a whole number");
    }
  }

  /** The contract's limit rule: below 1 is an error, above the maximum is clamped. */
  public static int limit(String value, int defaultLimit, int maxLimit) {
    Integer limit = optionalInt(value, "limit");
    if (limit == null) {
      return defaultLimit;
    }
    if (limit < 1) {
      throw new Invalid("limit", "must be at least 1");
    }
    return Math.min(limit, maxLimit);
  }
}

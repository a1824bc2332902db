package dev.nexuschat.platform.web;

import dev.nexuschat.platform.errors.Invalid;

/**
 * Query parameters are taken as strings and converted here: JAX-RS would answer a bad number with
 * 404, and the contract wants 400 with the field named.
 */
public final class QueryParams {
  private QueryParams() {}

  /**
   * The contract's limit rule: below 1 is an error, above the maximum is clamped, also when it is
   * past what an int holds (read digit by digit: no number type has to hold it).
   */
  public static int limit(String value, int defaultLimit, int maxLimit) {
    if (value == null || value.isBlank()) {
      return defaultLimit;
    }
    String digits = value.strip();
    if (digits.startsWith("+")) {
      digits = digits.substring(1);
    }
    if (digits.startsWith("-") && digits.length() > 1 && allDigits(digits.substring(1))) {
      throw new Invalid("limit", "must be at least 1");
    }
    if (digits.isEmpty() || !allDigits(digits)) {
      throw new Invalid("limit", "must be a whole number");
    }
    int firstSignificant = 0;
    while (firstSignificant < digits.length() && digits.charAt(firstSignificant) == '0') {
      firstSignificant++;
    }
    String significant = digits.substring(firstSignificant);
    if (significant.isEmpty()) {
      throw new Invalid("limit", "must be at least 1");
    }
    return significant.length() > 9 ? maxLimit : Math.min(Integer.parseInt(significant), maxLimit);
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}

package dev.nexuschat.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every answer must be, whatever was asked: never a 5xx; every 4xx a problem+json with the
 * HTTP status and a documented {@code code} that fits it, and nothing internal in it; never slower
 * than the budget; a secured operation refuses a missing or bad token; nothing foreign succeeds.
 */
final class ContractOracle {
  /** The budget for one request, on the test box as it is. */
  static final long BUDGET_MILLIS = 1_000;

  /** The status each code stands for; the CONFLICT family are all 409. */
  private static final Map<String, Integer> STATUS_OF_CODE =
      Map.ofEntries(
          Map.entry("VALIDATION_FAILED", 400),
          Map.entry("UNAUTHORIZED", 401),
          Map.entry("FORBIDDEN", 403),
          Map.entry("NOT_FOUND", 404),
          Map.entry("METHOD_NOT_ALLOWED", 405),
          Map.entry("NOT_ACCEPTABLE", 406),
          Map.entry("CONFLICT", 409),
          Map.entry("EMAIL_TAKEN", 409),
          Map.entry("USERNAME_TAKEN", 409),
          Map.entry("ALREADY_MEMBER", 409),
          Map.entry("OWNER_MUST_TRANSFER", 409),
          Map.entry("PAYLOAD_TOO_LARGE", 413),
          Map.entry("UNSUPPORTED_MEDIA_TYPE", 415),
          Map.entry("RATE_LIMITED", 429));

  private final Set<String> documentedCodes;

  ContractOracle(Set<String> documentedCodes) {
    this.documentedCodes = documentedCodes;
  }

  /** Every way the exchange breaks the contract; empty when it keeps it. */
  List<String> violations(Exchange exchange) {
    List<String> violations = new ArrayList<>();
    int status = exchange.status();
    if (exchange.millis() > BUDGET_MILLIS) {
      violations.add("took " + exchange.millis() + " ms (budget " + BUDGET_MILLIS + " ms)");
    }
    if (status < 0) {
      violations.add(exchange.body());
      return violations;
    }
    if (status >= 500) {
      violations.add("answered " + status + ": " + cut(exchange.body()));
    }
    if (status >= 400) {
      violations.addAll(problemViolations(exchange));
    }
    String auth = exchange.request().headers().get("X-Fuzz-Auth");
    if (exchange.request().operation().secured()
        && !"valid".equals(auth)
        && reachesTheOperation(exchange.request())
        && status != 401) {
      violations.add("a secured operation with auth '" + auth + "' answered " + status);
    }
    if (exchange.request().foreign() && status >= 200 && status < 300) {
      violations.add("succeeded (" + status + ") on a room the caller is not in");
    }
    return violations;
  }

  /**
   * Whether the request names the documented operation: a path of non-empty segments without an
   * encoded slash or backslash (Liberty refuses both as malformed, 400) and, with a body, the
   * documented media type. Otherwise the container answers that no operation matches (400, 404,
   * 405, 415) before any authentication, which tells an anonymous caller nothing.
   */
  private static boolean reachesTheOperation(FuzzRequest request) {
    String path = request.path();
    String type = request.headers().get("Content-Type");
    boolean documentedType =
        request.body() == null
            || type == null
            || type.equals(request.operation().bodyMediaType())
            || type.equals("application/json");
    return !path.contains("//")
        && !path.endsWith("/")
        && !path.toUpperCase(Locale.ROOT).contains("%2F")
        && !path.toUpperCase(Locale.ROOT).contains("%5C")
        && documentedType;
  }

  private List<String> problemViolations(Exchange exchange) {
    List<String> violations = new ArrayList<>();
    if (!exchange.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
      violations.add(
          "error "
              + exchange.status()
              + " has Content-Type '"
              + exchange.contentType()
              + "', not application/problem+json: "
              + cut(exchange.body()));
      return violations;
    }
    JsonObject problem;
    try {
      JsonValue value = Json.createReader(new StringReader(exchange.body())).readValue();
      if (!(value instanceof JsonObject object)) {
        violations.add("problem body is not an object: " + cut(exchange.body()));
        return violations;
      }
      problem = object;
    } catch (JsonException e) {
      violations.add("problem body is not JSON: " + cut(exchange.body()));
      return violations;
    }
    if (!(problem.get("status") instanceof JsonNumber number)
        || number.intValue() != exchange.status()) {
      violations.add("problem status " + problem.get("status") + " for HTTP " + exchange.status());
    }
    if (!(problem.get("code") instanceof JsonString code)) {
      violations.add("problem without a code: " + cut(exchange.body()));
    } else {
      String text = code.getString();
      if (!documentedCodes.contains(text)) {
        violations.add("problem code " + text + " is not among the documented codes");
      }
      Integer expected = STATUS_OF_CODE.get(text);
      if (expected != null && expected != exchange.status()) {
        violations.add("problem code " + text + " on HTTP " + exchange.status());
      }
    }
    String lower = exchange.body().toLowerCase(Locale.ROOT);
    for (String internal : List.of("exception", "eclipselink", "at dev.nexuschat", "sqlstate")) {
      if (lower.contains(internal)) {
        violations.add("problem shows internals ('" + internal + "'): " + cut(exchange.body()));
      }
    }
    return violations;
  }

  static String cut(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }
}

package dev.nexuschat.fuzz;

import dev.nexuschat.testsupport.Api;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Requests for one operation of the document: valid ones and mutations of every part. */
final class FuzzRequests {
  /** One client address for a share of the requests, so the rate limits answer some of them. */
  private static final String BUSY_CLIENT = Api.uniqueIp();

  private final FuzzWorld world;
  private final JsonBodies bodies;

  FuzzRequests(FuzzWorld world) {
    this.world = world;
    this.bodies = new JsonBodies(world);
  }

  Arbitrary<FuzzRequest> of(ApiDocument.ApiOperation op) {
    Arbitrary<Map<String, PathValue>> path = pathValues(op);
    Arbitrary<Map<String, String>> query = queryValues(op);
    Arbitrary<String> body = body(op);
    Arbitrary<Map<String, String>> headers = headers(op);
    return Combinators.combine(path, query, body, headers)
        .as(
            (pathValues, queryValues, bodyText, headerValues) -> {
              String resolved = op.path();
              boolean foreign = false;
              for (Map.Entry<String, PathValue> value : pathValues.entrySet()) {
                resolved =
                    resolved.replace("{" + value.getKey() + "}", segment(value.getValue().text()));
                foreign |= value.getValue().foreign();
              }
              return new FuzzRequest(
                  op, op.method(), resolved, queryValues, headerValues, bodyText, foreign);
            });
  }

  /** The plain valid request of an operation: what a well-behaved client sends. */
  FuzzRequest plain(ApiDocument.ApiOperation op) {
    String resolved = op.path();
    for (Parameter parameter : op.pathParameters()) {
      String id =
          switch (kindOf(op.path(), parameter.getName())) {
            case "rooms" -> world.ownRoom;
            case "members", "users" -> world.peer.id();
            case "messages" -> world.callerMessages.get(op.method().equals("DELETE") ? 1 : 0);
            default -> throw new IllegalStateException("No plain id for " + parameter.getName());
          };
      resolved = resolved.replace("{" + parameter.getName() + "}", id);
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (Parameter parameter : op.queryParameters()) {
      if (parameter.getName().equals("q")) {
        query.put("q", "fuzz");
      }
    }
    String body = op.body() == null ? null : JsonText.object(bodies.plain(op.path(), op.body()));
    return new FuzzRequest(
        op,
        op.method(),
        resolved,
        query,
        authHeaders(op, "valid", Exchange.FRESH_CLIENT),
        body,
        false);
  }

  private record PathValue(String text, boolean foreign) {}

  private Arbitrary<Map<String, PathValue>> pathValues(ApiDocument.ApiOperation op) {
    List<Arbitrary<Map.Entry<String, PathValue>>> values = new ArrayList<>();
    for (Parameter parameter : op.pathParameters()) {
      FuzzWorld.IdPool pool = world.ids(kindOf(op.path(), parameter.getName()));
      List<Tuple.Tuple2<Integer, Arbitrary<PathValue>>> choices = new ArrayList<>();
      choices.add(Tuple.of(10, Arbitraries.of(pool.visible()).map(id -> new PathValue(id, false))));
      if (!pool.foreign().isEmpty()) {
        choices.add(Tuple.of(3, Arbitraries.of(pool.foreign()).map(id -> new PathValue(id, true))));
      }
      choices.add(Tuple.of(1, EdgeValues.randomUuid().map(id -> new PathValue(id, false))));
      choices.add(Tuple.of(3, EdgeValues.notUuid().map(id -> new PathValue(id, false))));
      choices.add(Tuple.of(1, EdgeValues.numberText().map(n -> new PathValue(n, false))));
      @SuppressWarnings({"unchecked", "rawtypes"})
      Arbitrary<PathValue> value = Arbitraries.frequencyOf(choices.toArray(new Tuple.Tuple2[0]));
      values.add(value.map(v -> Map.entry(parameter.getName(), v)));
    }
    return combineToMap(values);
  }

  private Arbitrary<Map<String, String>> queryValues(ApiDocument.ApiOperation op) {
    List<Arbitrary<Map.Entry<String, String>>> values = new ArrayList<>();
    for (Parameter parameter : op.queryParameters()) {
      String name = parameter.getName();
      FuzzWorld.IdPool pool = world.ids(name);
      Arbitrary<String> valid =
          switch (name) {
            case "limit" -> Arbitraries.integers().between(1, 120).map(String::valueOf);
            case "q" -> Arbitraries.of("fuzz", "User", "fz_", world.peer.username());
            case "email" -> Arbitraries.of(world.caller.email(), "nobody@example.test");
            case "username" -> Arbitraries.of(world.caller.username(), "free_name_1");
            default -> Arbitraries.of(pool.visible());
          };
      Arbitrary<String> value =
          Arbitraries.frequencyOf(
              Tuple.of(6, Arbitraries.just("")),
              Tuple.of(5, valid),
              Tuple.of(3, EdgeValues.numberText()),
              Tuple.of(2, EdgeValues.notUuid()),
              Tuple.of(2, EdgeValues.unicodeText()),
              Tuple.of(1, EdgeValues.aroundLimit(100)),
              Tuple.of(
                  1, Arbitraries.of(pool.foreign().isEmpty() ? pool.visible() : pool.foreign())));
      // "" here means: leave the parameter out
      values.add(value.map(v -> Map.entry(name, v)));
    }
    return combineToMap(values)
        .map(
            map -> {
              Map<String, String> present = new LinkedHashMap<>(map);
              present.values().removeIf(String::isEmpty);
              return present;
            });
  }

  private Arbitrary<String> body(ApiDocument.ApiOperation op) {
    if (op.body() == null) {
      return Arbitraries.just(null);
    }
    Arbitrary<String> valid = bodies.valid(op.path(), op.body()).map(JsonText::object);
    List<Tuple.Tuple2<Integer, Arbitrary<String>>> choices = new ArrayList<>();
    choices.add(Tuple.of(3, valid));
    choices.add(Tuple.of(10, bodies.mutated(op.path(), op.body())));
    choices.add(Tuple.of(2, JsonBodies.malformed()));
    if (!op.bodyRequired()) {
      choices.add(Tuple.of(1, Arbitraries.just(null)));
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Arbitrary<String> body = Arbitraries.frequencyOf(choices.toArray(new Tuple.Tuple2[0]));
    return body;
  }

  private Arbitrary<Map<String, String>> headers(ApiDocument.ApiOperation op) {
    Arbitrary<String> auth =
        Arbitraries.frequencyOf(
            Tuple.of(20, Arbitraries.just("valid")),
            Tuple.of(1, Arbitraries.just("none")),
            Tuple.of(1, Arbitraries.just("garbage")));
    Arbitrary<String> client =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(Exchange.FRESH_CLIENT)),
            Tuple.of(1, Arbitraries.just(BUSY_CLIENT)));
    Arbitrary<String> contentType =
        Arbitraries.frequencyOf(
            Tuple.of(
                20,
                Arbitraries.just(
                    op.bodyMediaType() == null || op.bodyMediaType().equals("*/*")
                        ? "application/json"
                        : op.bodyMediaType())),
            Tuple.of(
                1,
                Arbitraries.of(
                    "text/plain",
                    "application/xml",
                    "application/json; charset=ISO-8859-1",
                    "multipart/form-data; boundary=x",
                    "application/x-www-form-urlencoded",
                    "")));
    Arbitrary<String> cookie =
        op.cookieParameters().isEmpty()
            ? Arbitraries.just("")
            : Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.of(world.spareRefreshTokens),
                Arbitraries.strings()
                    .withCharRange('!', '~')
                    .excludeChars(';', ',')
                    .ofMaxLength(600));
    return Combinators.combine(auth, client, contentType, cookie)
        .as(
            (authMode, ip, type, cookieValue) -> {
              Map<String, String> headers = new LinkedHashMap<>(authHeaders(op, authMode, ip));
              if (op.body() != null && !type.isEmpty()) {
                headers.put("Content-Type", type);
              }
              for (Parameter parameter : op.cookieParameters()) {
                if (!cookieValue.isEmpty()) {
                  headers.put("Cookie", parameter.getName() + "=" + cookieValue);
                }
              }
              return headers;
            });
  }

  private Map<String, String> authHeaders(ApiDocument.ApiOperation op, String mode, String ip) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Forwarded-For", ip);
    headers.put("Accept", "application/json");
    if (op.body() != null) {
      headers.put("Content-Type", "application/json");
    }
    switch (mode) {
      case "valid" -> headers.put("Authorization", "Bearer " + world.caller.accessToken());
      case "garbage" -> headers.put("Authorization", "Bearer not.a.jwt");
      default -> {}
    }
    headers.put("X-Fuzz-Auth", mode);
    return headers;
  }

  /** The collection a path parameter points into: the path segment before it. */
  static String kindOf(String path, String parameter) {
    String before = path.substring(0, path.indexOf("{" + parameter + "}"));
    String[] segments = before.split("/");
    return segments[segments.length - 1];
  }

  /**
   * A path segment, percent-encoded so that any text arrives as one segment. Encoded control
   * characters are left out of paths: Liberty refuses them (CWWWC0005I, as Servlet 6 asks) with its
   * own 400 body before the application or its error pages see the request, so no code of NexusChat
   * is reached; they are fuzzed in queries, bodies and frames instead.
   */
  private static String segment(String text) {
    String printable = escapeSurrogates(text).replaceAll("[\\x00-\\x1f\\x7f]", "\ufffd");
    return URLEncoder.encode(printable, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** URLs carry UTF-8, which has no lone surrogates: send those as the replacement character. */
  static String escapeSurrogates(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '\ufffd' : c);
      }
    }
    return out.toString();
  }

  private static <T> Arbitrary<Map<String, T>> combineToMap(
      List<Arbitrary<Map.Entry<String, T>>> values) {
    if (values.isEmpty()) {
      return Arbitraries.just(Map.of());
    }
    return Combinators.combine(values)
        .as(
            entries -> {
              Map<String, T> map = new LinkedHashMap<>();
              entries.forEach(e -> map.put(e.getKey(), e.getValue()));
              return map;
            });
  }
}

package dev.nexuschat.fuzz;

import dev.nexuschat.testsupport.Api;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests for one operation of the document: valid ones and mutations of every part. */
final class FuzzRequests {
  /** One client address for a share of the requests, so the rate limits answer some of them. */
  private static final String BUSY_CLIENT = Api.uniqueIp();

  /** Printable ASCII without the cookie separators ';' and ','. */
  private static final String COOKIE_CHARS =
      java.util.stream.IntStream.rangeClosed('!', '~')
          .filter(c -> c != ';' && c != ',')
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
          .toString();

  private final FuzzWorld world;
  private final JsonBodies bodies;

  FuzzRequests(FuzzWorld world) {
    this.world = world;
    this.bodies = new JsonBodies(world);
  }

  Gen<FuzzRequest> of(ApiDocument.ApiOperation op) {
    Gen<Map<String, PathValue>> path = pathValues(op);
    Gen<Map<String, String>> query = queryValues(op);
    Gen<String> body = body(op);
    Gen<Map<String, String>> headers = headers(op);
    return random -> {
      Map<String, PathValue> pathValues = path.next(random);
      Map<String, String> queryValues = query.next(random);
      String bodyText = body.next(random);
      Map<String, String> headerValues = headers.next(random);
      String resolved = op.path();
      boolean foreign = false;
      for (Map.Entry<String, PathValue> value : pathValues.entrySet()) {
        resolved = resolved.replace("{" + value.getKey() + "}", segment(value.getValue().text()));
        foreign |= value.getValue().foreign();
      }
      return new FuzzRequest(
          op, op.method(), resolved, queryValues, headerValues, bodyText, foreign);
    };
  }

  /** The plain valid request of an operation: what a well-behaved client sends. */
  FuzzRequest plain(ApiDocument.ApiOperation op) {
    String resolved = op.path();
    for (Parameter parameter : op.pathParameters()) {
      String id =
          switch (kindOf(op.path(), parameter.getName())) {
            case "rooms" -> world.ownRoom;
            case "members", "users" -> world.peer.id();
            // Message 1 is the one the message DELETE removes; a reaction's DELETE keeps to 0.
            case "messages" ->
                world.callerMessages.get(
                    op.method().equals("DELETE") && !op.path().contains("/reactions/") ? 1 : 0);
            case "reactions" -> "%F0%9F%91%8D"; // 👍, as a client encodes it
            // PUT sends bytes to a slot still waiting for them; the rest read or complete a file
            case "uploads" -> op.method().equals("PUT") ? world.pendingUpload : world.callerUpload;
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

  private Gen<Map<String, PathValue>> pathValues(ApiDocument.ApiOperation op) {
    List<Gen<Map.Entry<String, PathValue>>> values = new ArrayList<>();
    for (Parameter parameter : op.pathParameters()) {
      FuzzWorld.IdPool pool = world.ids(kindOf(op.path(), parameter.getName()));
      List<Gen.Weighted<PathValue>> choices = new ArrayList<>();
      choices.add(Gen.weighted(10, Gen.of(pool.visible()).map(id -> new PathValue(id, false))));
      if (!pool.foreign().isEmpty()) {
        choices.add(Gen.weighted(3, Gen.of(pool.foreign()).map(id -> new PathValue(id, true))));
      }
      choices.add(Gen.weighted(1, EdgeValues.randomUuid().map(id -> new PathValue(id, false))));
      choices.add(Gen.weighted(3, EdgeValues.notUuid().map(id -> new PathValue(id, false))));
      choices.add(Gen.weighted(1, EdgeValues.numberText().map(n -> new PathValue(n, false))));
      Gen<PathValue> value = Gen.frequency(choices);
      values.add(value.map(v -> Map.entry(parameter.getName(), v)));
    }
    return combineToMap(values);
  }

  private Gen<Map<String, String>> queryValues(ApiDocument.ApiOperation op) {
    List<Gen<Map.Entry<String, String>>> values = new ArrayList<>();
    for (Parameter parameter : op.queryParameters()) {
      String name = parameter.getName();
      FuzzWorld.IdPool pool = world.ids(name);
      Gen<String> valid =
          switch (name) {
            case "limit" -> Gen.between(1, 120).map(String::valueOf);
            case "q" -> Gen.of("fuzz", "User", "fz_", world.peer.username());
            case "email" -> Gen.of(world.caller.email(), "nobody@example.test");
            case "username" -> Gen.of(world.caller.username(), "free_name_1");
            default -> Gen.of(pool.visible());
          };
      Gen<String> value =
          Gen.frequency(
              Gen.weighted(6, Gen.constant("")),
              Gen.weighted(5, valid),
              Gen.weighted(3, EdgeValues.numberText()),
              Gen.weighted(2, EdgeValues.notUuid()),
              Gen.weighted(2, EdgeValues.unicodeText()),
              Gen.weighted(1, EdgeValues.aroundLimit(100)),
              Gen.weighted(1, Gen.of(pool.foreign().isEmpty() ? pool.visible() : pool.foreign())));
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

  private Gen<String> body(ApiDocument.ApiOperation op) {
    if (op.body() == null) {
      return Gen.constant(null);
    }
    Gen<String> valid = bodies.valid(op.path(), op.body()).map(JsonText::object);
    List<Gen.Weighted<String>> choices = new ArrayList<>();
    choices.add(Gen.weighted(3, valid));
    choices.add(Gen.weighted(10, bodies.mutated(op.path(), op.body())));
    choices.add(Gen.weighted(2, JsonBodies.malformed()));
    if (!op.bodyRequired()) {
      choices.add(Gen.weighted(1, Gen.constant((String) null)));
    }
    return Gen.frequency(choices);
  }

  private Gen<Map<String, String>> headers(ApiDocument.ApiOperation op) {
    Gen<String> auth =
        Gen.frequency(
            Gen.weighted(20, Gen.constant("valid")),
            Gen.weighted(1, Gen.constant("none")),
            Gen.weighted(1, Gen.constant("garbage")));
    Gen<String> client =
        Gen.frequency(
            Gen.weighted(4, Gen.constant(Exchange.FRESH_CLIENT)),
            Gen.weighted(1, Gen.constant(BUSY_CLIENT)));
    Gen<String> contentType =
        Gen.frequency(
            Gen.weighted(
                20,
                Gen.constant(
                    op.bodyMediaType() == null || op.bodyMediaType().equals("*/*")
                        ? "application/json"
                        : op.bodyMediaType())),
            Gen.weighted(
                1,
                Gen.of(
                    "text/plain",
                    "application/xml",
                    "application/json; charset=ISO-8859-1",
                    "multipart/form-data; boundary=x",
                    "application/x-www-form-urlencoded",
                    "")));
    Gen<String> cookie =
        op.cookieParameters().isEmpty()
            ? Gen.constant("")
            : Gen.oneOf(
                Gen.constant(""),
                Gen.of(world.spareRefreshTokens),
                Gen.strings(Gen.chars(COOKIE_CHARS), 0, 600));
    return random -> {
      String authMode = auth.next(random);
      String ip = client.next(random);
      String type = contentType.next(random);
      String cookieValue = cookie.next(random);
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
    };
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

  private static <T> Gen<Map<String, T>> combineToMap(List<Gen<Map.Entry<String, T>>> values) {
    if (values.isEmpty()) {
      return Gen.constant(Map.of());
    }
    return Gen.sequence(values)
        .map(
            entries -> {
              Map<String, T> map = new LinkedHashMap<>();
              entries.forEach(e -> map.put(e.getKey(), e.getValue()));
              return map;
            });
  }
}

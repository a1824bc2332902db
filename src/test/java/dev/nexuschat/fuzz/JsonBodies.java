package dev.nexuschat.fuzz;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON bodies for an object schema of the document: a valid one (every required field, some
 * optional ones, values the schema and the world allow), and mutations of it: a field missing,
 * null, of each wrong type, empty, at and over its limits, huge, unicode edge cases; arrays with
 * null, duplicate, foreign and malformed ids; an unknown or duplicated field; and bodies that are
 * not an object at all, deeply nested, or past the body cap.
 */
final class JsonBodies {
  private static final AtomicInteger UNIQUE = new AtomicInteger();
  private final FuzzWorld world;

  JsonBodies(FuzzWorld world) {
    this.world = world;
  }

  /** A valid body for {@code schema} as field → JSON fragment; {@code context} names the use. */
  Gen<Map<String, String>> valid(String context, Schema<?> schema) {
    Map<String, Schema> properties = properties(schema);
    Set<String> required = required(schema);
    List<Gen<Map.Entry<String, String>>> fields = new ArrayList<>();
    properties.forEach(
        (name, property) -> {
          Gen<Map.Entry<String, String>> present =
              validValue(context, name, property).map(value -> Map.entry(name, value));
          fields.add(
              required.contains(name)
                  ? present
                  : Gen.frequency(
                      Gen.weighted(3, present),
                      Gen.weighted(1, Gen.constant(Map.entry(name, "")))));
        });
    if (fields.isEmpty()) {
      return Gen.constant(Map.of());
    }
    return Gen.sequence(fields)
        .map(
            entries -> {
              Map<String, String> body = new LinkedHashMap<>();
              entries.stream()
                  .filter(e -> !e.getValue().isEmpty())
                  .forEach(e -> body.put(e.getKey(), e.getValue()));
              return body;
            });
  }

  /** The deterministic valid body a warm-up sends: required and optional fields, plain values. */
  Map<String, String> plain(String context, Schema<?> schema) {
    Map<String, String> body = new LinkedHashMap<>();
    properties(schema)
        .forEach(
            (name, property) -> {
              String value = plainValue(context, name, property);
              if (value != null) {
                body.put(name, value);
              }
            });
    return body;
  }

  /** A valid body with one or two fields mutated. */
  Gen<String> mutated(String context, Schema<?> schema) {
    List<String> names = new ArrayList<>(properties(schema).keySet());
    names.add("unknown_field");
    Gen<Map<String, String>> once =
        valid(context, schema).flatMap(body -> mutateOneField(context, schema, body, names));
    return Gen.oneOf(
        once.map(JsonText::object),
        once.flatMap(body -> mutateOneField(context, schema, body, names)).map(JsonText::object),
        valid(context, schema).map(JsonBodies::duplicateFirstField));
  }

  /** Bodies that are not the expected object at all. */
  static Gen<String> malformed() {
    return Gen.oneOf(
        Gen.of(
            "",
            " ",
            "null",
            "[]",
            "[{}]",
            "\"text\"",
            "0",
            "true",
            "{",
            "}",
            "{\"a\":}",
            "{\"a\" 1}",
            "{'a':1}",
            "{\"a\":1,}",
            "{} {}",
            "{}garbage",
            "\ufeff{}",
            "{\"\\ud800\":1}",
            "{\"a\":\"\\u00\"}",
            "{\"a\":\"\u0001raw control\"}",
            "{\"a\":1e99999}",
            "{\"a\":" + "9".repeat(5000) + "}"),
        deeplyNested(),
        overCap());
  }

  /** Nesting from moderate to as deep as the body cap allows. */
  static Gen<String> deeplyNested() {
    return Gen.zip(
        Gen.of(64, 1_000, 5_000, 20_000, 30_000),
        Gen.of("[", "{\"a\":"),
        (depth, open) -> {
          String close = open.equals("[") ? "]" : "}";
          int fit = Math.min(depth, (EdgeValues.CAP_BYTES - 16) / (open.length() + 1));
          return open.repeat(fit) + "1" + close.repeat(fit);
        });
  }

  /** A well-formed object just at or past the 64 KiB cap, or far past it. */
  static Gen<String> overCap() {
    return Gen.of(EdgeValues.CAP_BYTES - 1, EdgeValues.CAP_BYTES, EdgeValues.CAP_BYTES + 1, 1 << 20)
        .map(size -> "{\"pad\":\"" + "a".repeat(size - 10) + "\"}");
  }

  private Gen<Map<String, String>> mutateOneField(
      String context, Schema<?> schema, Map<String, String> body, List<String> names) {
    return Gen.of(names)
        .flatMap(
            name ->
                fieldMutation(context, name, properties(schema).get(name))
                    .map(
                        value -> {
                          Map<String, String> mutated = new LinkedHashMap<>(body);
                          if (value == null) {
                            mutated.remove(name);
                          } else {
                            mutated.put(name, value);
                          }
                          return mutated;
                        }));
  }

  private static String duplicateFirstField(Map<String, String> body) {
    if (body.isEmpty()) {
      return "{\"a\":1,\"a\":2}";
    }
    Map.Entry<String, String> first = body.entrySet().iterator().next();
    return JsonText.object(body).replaceFirst("\\}$", "")
        + ","
        + JsonText.string(first.getKey())
        + ":null}";
  }

  /** A mutated value of a field, or null to leave the field out. */
  @SuppressWarnings("unchecked")
  Gen<String> fieldMutation(String context, String name, Schema property) {
    if (property == null) { // the unknown field
      return Gen.oneOf(EdgeValues.jsonNonString(), EdgeValues.unicodeText().map(JsonText::string));
    }
    Set<String> types = ApiDocument.types(property);
    List<Gen<String>> choices = new ArrayList<>();
    choices.add(Gen.constant((String) null)); // missing
    choices.add(Gen.constant("null"));
    if (types.contains("array")) {
      choices.add(EdgeValues.jsonNonArray());
      Schema<?> items = property.getItems();
      choices.add(arrayMutation(context, name, items));
    } else if (types.contains("boolean")) {
      choices.add(EdgeValues.jsonNonBoolean());
    } else if (types.contains("integer") || types.contains("number")) {
      choices.add(EdgeValues.numberText().map(JsonText::string));
      choices.add(EdgeValues.jsonNonString());
    } else {
      choices.add(EdgeValues.jsonNonString());
      choices.add(stringMutation(context, name, property).map(JsonText::string));
      choices.add(stringMutation(context, name, property).map(JsonText::string));
    }
    return Gen.oneOf(choices);
  }

  private Gen<String> stringMutation(String context, String name, Schema<?> property) {
    int max = property.getMaxLength() != null ? property.getMaxLength() : 255;
    List<Gen<String>> choices = new ArrayList<>();
    choices.add(Gen.of("", " ", "\t\n "));
    choices.add(EdgeValues.aroundLimit(max));
    if (property.getMinLength() != null && property.getMinLength() > 1) {
      choices.add(EdgeValues.aroundLimit(property.getMinLength() - 1));
    }
    choices.add(EdgeValues.huge());
    choices.add(EdgeValues.unicodeText());
    choices.add(
        validValue(context, name, property)
            .map(JsonBodies::unquote)
            .flatMap(valid -> EdgeValues.unicodeText().map(edge -> valid + edge)));
    if (property.getEnum() != null) {
      choices.add(
          Gen.of(property.getEnum())
              .map(String::valueOf)
              .flatMap(v -> Gen.of(v.toUpperCase(), " " + v, v + "\u0000", v + "x")));
    }
    if (isId(name, property)) {
      choices.add(EdgeValues.notUuid());
      choices.add(EdgeValues.randomUuid());
      choices.add(idValue(name, true));
    }
    return Gen.oneOf(choices);
  }

  private Gen<String> arrayMutation(String context, String name, Schema<?> items) {
    Gen<String> valid = items == null ? Gen.constant("\"a\"") : validValue(context, name, items);
    Gen<String> hostile =
        Gen.oneOf(
            Gen.constant("null"),
            EdgeValues.jsonNonString(),
            EdgeValues.notUuid().map(JsonText::string),
            EdgeValues.randomUuid().map(JsonText::string),
            idValue(name, true));
    return Gen.oneOf(
        Gen.zip(valid, hostile, (v, h) -> "[" + v + "," + h + "]"),
        hostile.map(h -> "[" + h + "]"),
        valid.map(v -> "[" + v + "," + v + "," + v + "]"),
        Gen.of("[null]", "[null,null]", "[[]]", "[[[[[]]]]]", "[{}]"),
        Gen.zip(
            valid,
            Gen.of(100, 1_000),
            (v, n) -> JsonText.array(java.util.Collections.nCopies(n, v))));
  }

  @SuppressWarnings("unchecked")
  Gen<String> validValue(String context, String name, Schema property) {
    Set<String> types = ApiDocument.types(property);
    if (property.getEnum() != null && !property.getEnum().isEmpty()) {
      return Gen.of((List<Object>) property.getEnum()).map(v -> JsonText.string(String.valueOf(v)));
    }
    if (types.contains("boolean")) {
      return Gen.of("true", "false");
    }
    if (types.contains("integer") || types.contains("number")) {
      return Gen.between(0, 100).map(String::valueOf);
    }
    if (types.contains("array")) {
      Schema<?> items = property.getItems();
      Gen<String> item = items == null ? Gen.constant("\"a\"") : validValue(context, name, items);
      return item.list(0, 2).map(JsonText::array);
    }
    if (isId(name, property)) {
      return idValue(name, false);
    }
    return validText(context, name, property).map(JsonText::string);
  }

  private String plainValue(String context, String name, Schema<?> property) {
    Set<String> types = ApiDocument.types(property);
    if (property.getEnum() != null && !property.getEnum().isEmpty()) {
      // the mildest: the last role (member) changes nobody's rights over the room
      return JsonText.string(String.valueOf(property.getEnum().get(property.getEnum().size() - 1)));
    }
    if (types.contains("boolean")) {
      return "false";
    }
    if (types.contains("array")) {
      // files are attached by the upload cells of their own: a plain send carries none
      if (name.equals("attachments")) {
        return null;
      }
      return "[" + JsonText.string(world.peer.id()) + "]";
    }
    if (types.contains("integer") || types.contains("number")) {
      // an upload slot's size: the smallest valid one
      return property.getMinimum() != null ? property.getMinimum().toBigInteger().toString() : "1";
    }
    if (isId(name, property)) {
      if (name.startsWith("user")) {
        return JsonText.string(world.stranger.id());
      }
      // logout revokes its token's session: it gets another one than refresh
      return name.equals("refresh_token")
          ? JsonText.string(world.spareRefreshTokens.get(context.endsWith("/logout") ? 1 : 0))
          : null; // optional reply/read ids: absent is the plain case
    }
    String text = fixedText(context, name);
    return JsonText.string(text != null ? text : "plain " + name);
  }

  /** Ids: field names ending in _id(s) without a length limit (client_id has one: free text). */
  static boolean isId(String name, Schema<?> property) {
    return (name.endsWith("_id") || name.endsWith("_ids") || name.equals("refresh_token"))
        && property.getMaxLength() == null;
  }

  private Gen<String> idValue(String name, boolean foreign) {
    if (name.equals("refresh_token")) {
      return Gen.oneOf(
              Gen.of(world.spareRefreshTokens), Gen.strings(Gen.chars('\u0000', '\u007f'), 0, 300))
          .map(JsonText::string);
    }
    FuzzWorld.IdPool pool = world.ids(name.startsWith("member") ? "user" : name);
    List<String> ids = foreign && !pool.foreign().isEmpty() ? pool.foreign() : pool.visible();
    return Gen.of(ids).map(JsonText::string);
  }

  /** Valid free text, or the account values auth needs (an existing login, a fresh username). */
  private Gen<String> validText(String context, String name, Schema<?> property) {
    if (fixedText(context, name) != null) {
      return Gen.constant(name).map(n -> fixedText(context, n));
    }
    int min = property.getMinLength() != null ? Math.max(1, property.getMinLength()) : 1;
    int max = property.getMaxLength() != null ? Math.min(property.getMaxLength(), 60) : 60;
    return Gen.oneOf(
        Gen.strings(Gen.chars(Gen.LETTERS + Gen.DIGITS + " "), min, max).filter(s -> !s.isBlank()),
        Gen.of("Grüße aus Köln", "\u05e9\u05dc\u05d5\u05dd", "\u4f60\u597d", "Hi \ud83d\udc4b"));
  }

  /** Values that must be particular to be valid: the caller's own login, fresh account names. */
  private String fixedText(String context, String name) {
    boolean login = context.endsWith("/login");
    switch (name) {
      case "email":
        return login ? world.caller.email() : "fz" + UNIQUE.incrementAndGet() + "@example.test";
      case "username":
        return "fz_" + UNIQUE.incrementAndGet() + "_" + System.nanoTime() % 1000;
      case "password":
        return dev.nexuschat.testsupport.Api.PASSWORD;
      case "avatar_url":
        return "https://cdn.example.test/" + UNIQUE.incrementAndGet() + ".png";
      default:
        return null;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Schema> properties(Schema<?> schema) {
    return schema == null || schema.getProperties() == null
        ? Map.of()
        : (Map<String, Schema>) (Map) schema.getProperties();
  }

  private static Set<String> required(Schema<?> schema) {
    return schema == null || schema.getRequired() == null
        ? Set.of()
        : Set.copyOf(schema.getRequired());
  }

  private static String unquote(String fragment) {
    return fragment.startsWith("\"") && fragment.endsWith("\"") && fragment.length() >= 2
        ? fragment.substring(1, fragment.length() - 1)
        : fragment;
  }
}

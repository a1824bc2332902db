package dev.nexuschat.fuzz;

import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WebSocket client frames {@code {"event", "data", "ref"?}} (API contract section 6) and their
 * mutations. The frames' data reuse the document's request schemas where the REST twin has one
 * ({@code send_message} is NewMessage plus room_id, {@code mark_read} is ReadMark plus room_id).
 */
final class ClientFrames {
  /**
   * A frame to send. Its ref is filled in when it is sent ({@link #PLACEHOLDER}, as long as the
   * refs the sender makes), so every frame sent has its own even if the generator makes a value
   * twice; {@code refSuffix} is what follows it, or null when the frame has no string ref to answer
   * to.
   */
  record Frame(String event, String template, String refSuffix) {
    static final String PLACEHOLDER = "@@REF@@";

    String text(String ref) {
      return template.replace(PLACEHOLDER, ref);
    }

    String expectedRef(String ref) {
      return refSuffix == null ? null : ref + refSuffix;
    }

    boolean oversize() {
      return template.getBytes(StandardCharsets.UTF_8).length > EdgeValues.CAP_BYTES;
    }

    @Override
    public String toString() {
      return template.length() > 300
          ? template.substring(0, 300) + "… (" + template.length() + " chars)"
          : template;
    }
  }

  private final Map<String, Schema<?>> events = new LinkedHashMap<>();
  private final JsonBodies bodies;

  ClientFrames(ApiDocument document, FuzzWorld world) {
    this.bodies = new JsonBodies(world);
    events.put("send_message", withRoom(document.component("NewMessage")));
    events.put("mark_read", withRoom(document.component("ReadMark")));
    events.put("typing_start", withRoom(null));
    events.put("typing_stop", withRoom(null));
    events.put("ping", new ObjectSchema());
  }

  List<String> eventNames() {
    return List.copyOf(events.keySet());
  }

  Gen<Frame> frames() {
    Gen<String> event =
        Gen.frequency(
            Gen.weighted(12, Gen.of(eventNames())),
            Gen.weighted(1, Gen.of(eventNames()).map(String::toUpperCase)),
            Gen.weighted(1, Gen.of(eventNames()).map(name -> name + " ")),
            Gen.weighted(2, EdgeValues.unicodeText()));
    return event.flatMap(
        name ->
            Gen.frequency(
                Gen.weighted(12, wellFormed(name)),
                Gen.weighted(2, misshapen(name)),
                Gen.weighted(1, sized(name))));
  }

  /** {event, ref, data} with valid, mutated or non-object data. */
  private Gen<Frame> wellFormed(String event) {
    Schema<?> schema = events.getOrDefault(event, events.get("send_message"));
    Gen<String> data =
        Gen.frequency(
            Gen.weighted(4, bodies.valid("ws:" + event, schema).map(JsonText::object)),
            Gen.weighted(8, bodies.mutated("ws:" + event, schema)),
            Gen.weighted(1, Gen.of("null", "[]", "\"data\"", "1", "true")),
            Gen.weighted(1, JsonBodies.deeplyNested()));
    return Gen.zip(
        ref(),
        data,
        (ref, dataJson) -> {
          Map<String, String> frame = new LinkedHashMap<>();
          frame.put("event", JsonText.string(event));
          if (ref.json() != null) {
            frame.put("ref", ref.json());
          }
          frame.put("data", dataJson);
          return new Frame(event, JsonText.object(frame), ref.suffix());
        });
  }

  /** The frame itself broken: not JSON, not an object, event missing or not a string. */
  private Gen<Frame> misshapen(String event) {
    return ref()
        .flatMap(
            ref -> {
              String refField = ref.json() == null ? "" : ",\"ref\":" + ref.json();
              List<String> texts =
                  new ArrayList<>(
                      List.of(
                          "{\"data\":{}" + refField + "}",
                          "{\"event\":null,\"data\":{}" + refField + "}",
                          "{\"event\":1,\"data\":{}" + refField + "}",
                          "{\"event\":[\"ping\"],\"data\":{}" + refField + "}",
                          "{\"event\":" + JsonText.string(event) + refField + "}",
                          "{\"event\":"
                              + JsonText.string(event)
                              + refField
                              + ",\"event\":\"ping\"}",
                          "{\"event\":"
                              + JsonText.string(event)
                              + refField
                              + ",\"data\":{},\"extra\":"
                              + "[".repeat(200)
                              + "]".repeat(200)
                              + "}"));
              List<String> withoutRef =
                  List.of(
                      "",
                      " ",
                      "null",
                      "[]",
                      "[{\"event\":\"ping\"}]",
                      "\"ping\"",
                      "{",
                      "{\"event\":\"ping\",",
                      "ping",
                      "\ufeff{}");
              return Gen.oneOf(
                  Gen.of(texts).map(text -> new Frame(event, text, ref.suffix())),
                  Gen.of(withoutRef).map(text -> new Frame(event, text, null)));
            });
  }

  /** Frames at the 64 KiB cap (answered) and past it (closed with 1009). */
  private Gen<Frame> sized(String event) {
    return Gen.of(-1, 0, 1, 1000)
        .map(
            over -> {
              String head =
                  "{\"event\":\"ping\",\"ref\":\""
                      + Frame.PLACEHOLDER
                      + "\",\"data\":{},\"pad\":\"";
              String tail = "\"}";
              int pad = EdgeValues.CAP_BYTES + over - head.length() - tail.length();
              return new Frame("ping", head + "a".repeat(pad) + tail, "");
            });
  }

  /** A ref as JSON (null: none) and what follows the sender's ref in it (null: no string ref). */
  private record Ref(String json, String suffix) {}

  private static Gen<Ref> ref() {
    Gen<String> edgy = EdgeValues.unicodeText().map(FuzzRequests::escapeSurrogates);
    return Gen.frequency(
        Gen.weighted(12, Gen.constant(new Ref(JsonText.string(Frame.PLACEHOLDER), ""))),
        Gen.weighted(
            3,
            edgy.map(text -> new Ref(JsonText.string(Frame.PLACEHOLDER + "-" + text), "-" + text))),
        Gen.weighted(1, Gen.constant(new Ref(null, null))),
        Gen.weighted(
            1, Gen.of("null", "1", "{}", "[\"r\"]", "true").map(json -> new Ref(json, null))));
  }

  private static Schema<?> withRoom(Schema<?> base) {
    ObjectSchema schema = new ObjectSchema();
    if (base != null && base.getProperties() != null) {
      base.getProperties().forEach(schema::addProperty);
    }
    schema.addProperty("room_id", new StringSchema());
    List<String> required = new ArrayList<>();
    if (base != null && base.getRequired() != null) {
      required.addAll(base.getRequired());
    }
    required.add("room_id");
    schema.setRequired(required);
    return schema;
  }
}

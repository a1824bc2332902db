package dev.nexuschat.realtime.boundary;

import dev.nexuschat.platform.errors.ApiException;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.errors.NotFound;
import dev.nexuschat.platform.errors.RateLimited;
import dev.nexuschat.platform.web.Ids;
import dev.nexuschat.realtime.commands.ClientCommand;
import dev.nexuschat.upload.control.Attachments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one place frames are read and written: {@code {"event", "data", "ref"?}} in, and {@code ack}
 * / {@code error} replies out. Shape errors are {@link BadFrame}s; malformed ids are NOT_FOUND, as
 * in REST.
 */
final class FrameCodec {
  private static final int MAX_IDS = Attachments.MAX_PER_MESSAGE;

  /** A decoded client frame; {@code ref} is null when the client wants no reply. */
  record ClientFrame(String ref, ClientCommand command) {}

  private FrameCodec() {}

  /**
   * The ref of a frame, if it is readable enough to have one: errors still reach the right request.
   * Read as a stream that skips nested values, so a frame too deeply nested to decode still gets
   * its error reply with its ref.
   */
  static String refOf(String text) {
    try (JsonParser parser = Json.createParser(new StringReader(text))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        return null;
      }
      String ref = null;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (event != JsonParser.Event.KEY_NAME) {
          break; // END_OBJECT of the frame
        }
        String key = parser.getString();
        JsonParser.Event value = parser.next();
        if (value == JsonParser.Event.START_OBJECT) {
          parser.skipObject();
        } else if (value == JsonParser.Event.START_ARRAY) {
          parser.skipArray();
        } else if (key.equals("ref")) {
          ref = value == JsonParser.Event.VALUE_STRING ? parser.getString() : null;
        }
      }
      return ref;
    } catch (RuntimeException unreadable) {
      return null; // not JSON, or broken further on: no ref to answer to
    }
  }

  static ClientFrame decode(String text) {
    JsonObject frame;
    try {
      JsonValue value = Json.createReader(new StringReader(text)).readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new BadFrame("A frame is a JSON object {event, data, ref?}");
      }
      frame = value.asJsonObject();
    } catch (BadFrame e) {
      throw e;
    } catch (JsonException e) {
      throw new BadFrame("Not JSON");
    } catch (RuntimeException e) {
      // Parsson refuses input nested deeper than its limit with a bare RuntimeException
      throw new BadFrame("Not JSON, or nested too deeply");
    }
    JsonValue ref = frame.get("ref");
    if (ref != null && ref != JsonValue.NULL && !(ref instanceof JsonString)) {
      throw new BadFrame("ref must be a string");
    }
    String refText = ref instanceof JsonString s ? s.getString() : null;
    String event = string(frame, "event", true);
    JsonValue dataValue = frame.get("data");
    JsonObject data;
    if (dataValue == null || dataValue == JsonValue.NULL) {
      data = JsonValue.EMPTY_JSON_OBJECT;
    } else if (dataValue.getValueType() == JsonValue.ValueType.OBJECT) {
      data = dataValue.asJsonObject();
    } else {
      throw new BadFrame("data must be an object");
    }
    return new ClientFrame(refText, command(event, data));
  }

  private static ClientCommand command(String event, JsonObject data) {
    switch (event) {
      case "send_message":
        {
          List<UUID> attachments = ids(data, "attachments");
          return new ClientCommand.SendMessage(
              id(data, "room_id", true),
              string(data, "content", attachments.isEmpty()),
              id(data, "parent_id", false),
              string(data, "client_id", false),
              attachments);
        }
      case "typing_start":
        return new ClientCommand.TypingStart(id(data, "room_id", true));
      case "typing_stop":
        return new ClientCommand.TypingStop(id(data, "room_id", true));
      case "mark_read":
        return new ClientCommand.MarkRead(id(data, "room_id", true), id(data, "message_id", false));
      case "ping":
        return new ClientCommand.Ping();
      default:
        throw new BadFrame("Unknown event " + event);
    }
  }

  /**
   * An optional array of ids (upload ids): at most {@link #MAX_IDS}, each a UUID string; a bad one
   * is a validation error on the field (the service names the ids it refuses).
   */
  private static List<UUID> ids(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new BadFrame(field + " must be an array of ids");
    }
    JsonArray array = value.asJsonArray();
    if (array.size() > MAX_IDS) {
      throw new Invalid(field, "must be at most " + MAX_IDS + " uploads per message");
    }
    List<UUID> ids = new ArrayList<>(array.size());
    for (JsonValue item : array) {
      if (!(item instanceof JsonString s)) {
        throw new BadFrame(field + " must be an array of ids");
      }
      ids.add(Ids.field(s.getString(), field));
    }
    return ids;
  }

  private static String string(JsonObject object, String field, boolean required) {
    JsonValue value = object.get(field);
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        throw new BadFrame("Missing field " + field);
      }
      return null;
    }
    if (!(value instanceof JsonString s)) {
      throw new BadFrame(field + " must be a string");
    }
    return s.getString();
  }

  private static UUID id(JsonObject object, String field, boolean required) {
    String text = string(object, field, required);
    if (text == null) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new NotFound("No such " + field.replace("_id", "") + ": " + text);
    }
  }

  static String ack(String ref, String dataJson) {
    return "{\"event\":\"ack\",\"ref\":" + quoted(ref) + ",\"data\":" + dataJson + "}";
  }

  /** A rate-limited frame's error carries {@code retry_after_ms}: when to try again. */
  static String error(String ref, ApiException e) {
    return error(
        ref,
        e.code(),
        e.getMessage(),
        e instanceof RateLimited limited
            ? ",\"retry_after_ms\":" + limited.retryAfterMillis()
            : "");
  }

  static String error(String ref, String code, String message) {
    return error(ref, code, message, "");
  }

  private static String error(String ref, String code, String message, String moreData) {
    return "{\"event\":\"error\""
        + (ref == null ? "" : ",\"ref\":" + quoted(ref))
        + ",\"data\":{\"code\":"
        + quoted(code)
        + ",\"message\":"
        + quoted(message)
        + moreData
        + "}}";
  }

  private static String quoted(String text) {
    return text == null ? "null" : Json.createValue(text).toString();
  }
}

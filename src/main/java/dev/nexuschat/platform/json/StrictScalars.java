package dev.nexuschat.platform.json;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * JSON-B on its own turns {@code 5} into {@code "5"} and {@code "yes"} into {@code false}; the
 * contract wants a wrong JSON type to be a 400. These accept only the matching JSON type (or null).
 */
final class StrictScalars {
  private StrictScalars() {}

  static final class Text implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue value = parser.getValue();
      if (value == JsonValue.NULL) {
        return null;
      }
      if (value instanceof JsonString text) {
        return text.getString();
      }
      throw new JsonbException("expected a string, got " + value.getValueType());
    }
  }

  static final class Flag implements JsonbDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue value = parser.getValue();
      if (value == JsonValue.NULL) {
        return null;
      }
      if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
        return value == JsonValue.TRUE;
      }
      throw new JsonbException("expected true or false, got " + value.getValueType());
    }
  }
}

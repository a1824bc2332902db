package dev.nexuschat.platform.json;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Booleans are {@code true}, {@code false} or {@code null}. Yasson on its own reads any string or
 * number as {@code false}, so {@code "remember_me": "yes"} would quietly mean no instead of a 400.
 */
public final class StrictBoolean implements JsonbDeserializer<Boolean> {
  @Override
  public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
    JsonValue value = parser.getValue();
    if (value == JsonValue.TRUE) {
      return Boolean.TRUE;
    }
    if (value == JsonValue.FALSE) {
      return Boolean.FALSE;
    }
    if (value == JsonValue.NULL) {
      return null;
    }
    throw new JsonbException("Expected true or false, got " + value.getValueType());
  }
}

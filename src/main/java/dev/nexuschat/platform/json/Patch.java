package dev.nexuschat.platform.json;

import dev.nexuschat.platform.errors.FieldError;
import dev.nexuschat.platform.errors.Invalid;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * One field of a PATCH body, which must tell "absent" (leave it) from "null" (clear it): a plain
 * record cannot. Wrong JSON types become field errors, never a 500.
 */
public record Patch<T>(boolean present, T value) {
  private static final Patch<?> ABSENT = new Patch<>(false, null);

  @SuppressWarnings("unchecked")
  public static <T> Patch<T> absent() {
    return (Patch<T>) ABSENT;
  }

  public static <T> Patch<T> of(T value) {
    return new Patch<>(true, value);
  }

  /**
   * The body of a PATCH as sent: it must be a JSON object. Taken as text and parsed here because
   * JAX-RS fails with a 500 when an array arrives for a {@code JsonObject} parameter, and when the
   * JSON is nested deeper than the parser allows (Parsson refuses that with a bare
   * RuntimeException, which no JSON exception type describes).
   */
  public static JsonObject body(String raw) {
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(raw == null ? "" : raw))) {
      value = reader.readValue();
    } catch (RuntimeException unreadable) {
      throw new Invalid("body", "must be a JSON object");
    }
    return body(value);
  }

  /** A parsed PATCH body: it must be a JSON object. */
  public static JsonObject body(JsonValue body) {
    if (body instanceof JsonObject object) {
      return object;
    }
    throw new Invalid("body", "must be a JSON object");
  }

  /** A string field; JSON null is allowed only when {@code nullable}. */
  public static Patch<String> string(
      JsonObject body, String field, boolean nullable, List<FieldError> errors) {
    if (!body.containsKey(field)) {
      return absent();
    }
    JsonValue value = body.get(field);
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      if (nullable) {
        return of(null);
      }
      errors.add(new FieldError(field, "must not be null"));
      return absent();
    }
    if (value instanceof JsonString text) {
      return of(text.getString());
    }
    errors.add(new FieldError(field, "must be a string"));
    return absent();
  }
}

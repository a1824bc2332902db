package dev.nexuschat.platform.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The wire format shared by REST and WebSocket: snake_case names, explicit nulls and RFC 3339 UTC
 * timestamps with milliseconds.
 */
public final class JsonFormat {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(true)
              .withAdapters(new InstantAdapter())
              .withDeserializers(new StrictBoolean()));

  private JsonFormat() {}

  public static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  /** Instants on the wire always carry exactly three fraction digits. */
  public static final class InstantAdapter implements JsonbAdapter<Instant, String> {
    @Override
    public String adaptToJson(Instant instant) {
      return timestamp(instant);
    }

    @Override
    public Instant adaptFromJson(String text) {
      return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
    }
  }
}

package dev.nexuschat.platform.json;

/**
 * Bodies that may be left out entirely (read marks, refresh and logout with the cookie): JAX-RS
 * would reject an empty body as malformed JSON, so these endpoints take the raw text.
 */
public final class OptionalBody {
  private OptionalBody() {}

  /** The parsed body, or null when there is none; malformed JSON still fails as a 400. */
  public static <T> T parse(String raw, Class<T> type) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return JsonFormat.JSONB.fromJson(raw, type);
  }
}

package dev.nexuschat.testsupport;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Set-Cookie} header as the server wrote it, attributes by lower-case name. Read from
 * the raw header so the test sees exactly what a browser would.
 */
public record SetCookie(String raw, String name, String value, Map<String, String> attributes) {

  /** The last {@code Set-Cookie} for {@code name} in the response, if any. */
  public static Optional<SetCookie> find(Response response, String name) {
    SetCookie found = null;
    for (String header : response.headers().getValues("Set-Cookie")) {
      SetCookie cookie = parse(header);
      if (cookie.name().equals(name)) {
        found = cookie;
      }
    }
    return Optional.ofNullable(found);
  }

  static SetCookie parse(String header) {
    String[] parts = header.split(";");
    String pair = parts[0].trim();
    int eq = pair.indexOf('=');
    String name = eq < 0 ? pair : pair.substring(0, eq).trim();
    String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String attribute = parts[i].trim();
      if (attribute.isEmpty()) {
        continue;
      }
      int aeq = attribute.indexOf('=');
      String key =
          (aeq < 0 ? attribute : attribute.substring(0, aeq)).trim().toLowerCase(Locale.ROOT);
      String attributeValue = aeq < 0 ? "" : attribute.substring(aeq + 1).trim();
      attributes.put(key, attributeValue);
    }
    return new SetCookie(header, name, value, attributes);
  }

  public boolean has(String attribute) {
    return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
  }

  public String get(String attribute) {
    return attributes.get(attribute.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return raw;
  }
}

package dev.nexuschat.realtime.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the access token of a WebSocket handshake, in the three places a client may put it: {@code
 * Sec-WebSocket-Protocol: bearer, <jwt>} (browsers cannot set headers on a WebSocket), {@code
 * Authorization: Bearer <jwt>}, or {@code ?access_token=<jwt>}.
 */
final class BearerToken {
  static final String SUBPROTOCOL = "bearer";

  private BearerToken() {}

  static String find(Map<String, List<String>> headers, Map<String, List<String>> parameters) {
    List<String> protocols = new ArrayList<>();
    for (String value : header(headers, "Sec-WebSocket-Protocol")) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          protocols.add(part.trim());
        }
      }
    }
    int marker = indexOfIgnoreCase(protocols, SUBPROTOCOL);
    if (marker >= 0 && marker + 1 < protocols.size()) {
      return protocols.get(marker + 1);
    }
    for (String value : header(headers, "Authorization")) {
      if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return value.substring(7).trim();
      }
    }
    List<String> query = parameters.get("access_token");
    return query == null || query.isEmpty() ? null : query.get(0);
  }

  static List<String> header(Map<String, List<String>> headers, String name) {
    List<String> values = new ArrayList<>();
    headers.forEach(
        (key, list) -> {
          if (key != null && key.equalsIgnoreCase(name) && list != null) {
            values.addAll(list);
          }
        });
    return values;
  }

  private static int indexOfIgnoreCase(List<String> values, String wanted) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).equalsIgnoreCase(wanted)) {
        return i;
      }
    }
    return -1;
  }
}

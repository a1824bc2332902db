package dev.nexuschat.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated HTTP request. {@code foreign} marks a request whose path names something the caller
 * may not see (a room it is not in, a message of such a room): it must never succeed.
 */
record FuzzRequest(
    ApiDocument.ApiOperation operation,
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String body,
    boolean foreign) {

  byte[] bodyBytes() {
    return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
  }

  /** For failure messages: the request as sent, with long bodies cut. */
  @Override
  public String toString() {
    String shownBody =
        body == null
            ? ""
            : " body("
                + body.length()
                + " chars)="
                + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    Map<String, String> shownHeaders = new java.util.LinkedHashMap<>(headers);
    shownHeaders.computeIfPresent("Authorization", (name, value) -> "Bearer …");
    return method
        + " "
        + path
        + (query.isEmpty() ? "" : " query=" + query)
        + " headers="
        + shownHeaders
        + shownBody
        + (foreign ? " [foreign]" : "");
  }
}

package dev.nexuschat.platform.web;

import java.util.List;

/**
 * Which request paths belong to the single-page web client. Server paths (the API, the socket, the
 * docs, health, metrics, error pages) never do, so an unknown API path still answers with a
 * problem+json 404 instead of the client's HTML.
 */
public final class ClientRoutes {
  private static final List<String> SERVER_PREFIXES =
      List.of(
          "/api",
          "/ws",
          "/openapi",
          "/health",
          "/metrics",
          "/problem",
          "/ibm",
          "/WEB-INF",
          "/META-INF");

  private ClientRoutes() {}

  /** A path the server owns: never rewritten, never given the client's headers. */
  public static boolean isServerPath(String path) {
    return SERVER_PREFIXES.stream()
        .anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
  }

  /** Hashed build output: its name changes with its content, so it may be cached for a year. */
  public static boolean isHashedAsset(String path) {
    return path.startsWith("/assets/");
  }

  /**
   * A client-side route such as {@code /chat/<id>}: answered with {@code index.html}. Paths whose
   * last segment has a dot are files (a missing one stays a 404).
   */
  public static boolean isClientRoute(String path) {
    if (path.isEmpty() || isServerPath(path) || isHashedAsset(path)) {
      return false;
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    return !last.contains(".");
  }
}

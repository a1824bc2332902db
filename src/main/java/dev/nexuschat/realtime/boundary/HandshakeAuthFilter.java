package dev.nexuschat.realtime.boundary;

import dev.nexuschat.auth.control.AccessTokenVerifier;
import dev.nexuschat.platform.errors.ContainerErrorServlet;
import dev.nexuschat.platform.errors.RateLimited;
import dev.nexuschat.platform.errors.Unauthenticated;
import dev.nexuschat.platform.metrics.NexusMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates {@code /ws} before the upgrade, where a refusal can still be an HTTP status (a
 * throwing endpoint configurator would give 500): an untrusted {@code Origin} gets 403 (no
 * cross-site socket hijacking), a missing, invalid or expired access token 401, a user who holds
 * the most sockets allowed ({@link SocketQuota}) 429.
 */
@WebFilter(urlPatterns = "/ws", asyncSupported = true)
public class HandshakeAuthFilter extends HttpFilter {
  @Inject AccessTokenVerifier verifier;
  @Inject SocketQuota sockets;
  @Inject NexusMetrics metrics;

  @Inject
  @ConfigProperty(name = "NEXUS_CORS_ORIGINS")
  Optional<String> corsOrigins;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!allowedOrigin(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Origin not allowed");
      return;
    }
    AccessTokenVerifier.VerifiedAccess access;
    try {
      access = verifier.verify(BearerToken.find(headers(request), parameters(request)));
    } catch (Unauthenticated e) {
      response.setHeader("WWW-Authenticate", "Bearer");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, e.getMessage());
      return;
    }
    if (!sockets.admitsAnother(access.userId())) {
      metrics.rateLimited("sockets");
      ContainerErrorServlet.write(
          RateLimited.inMillis(
              "Too many open sockets; close one", SocketQuota.RETRY_AFTER_SECONDS * 1000),
          response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** No Origin (not a browser), our own origin, or one listed in NEXUS_CORS_ORIGINS. */
  private boolean allowedOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String normalized = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    if (allowed().contains(normalized)) {
      return true;
    }
    try {
      String host = request.getHeader("Host");
      return host != null && host.equalsIgnoreCase(URI.create(normalized).getRawAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Set<String> allowed() {
    return Arrays.stream(corsOrigins.orElse("").split(","))
        .map(String::trim)
        .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
        .filter(o -> !o.isEmpty())
        .collect(Collectors.toSet());
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    return headers;
  }

  private static Map<String, List<String>> parameters(HttpServletRequest request) {
    String token = request.getParameter("access_token");
    return token == null ? Map.of() : Map.of("access_token", List.of(token));
  }
}

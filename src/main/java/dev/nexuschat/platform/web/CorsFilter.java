package dev.nexuschat.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Cross-origin access for the origins listed in {@code NEXUS_CORS_ORIGINS} only (default: none, so
 * the API is same-origin). Runs before JAX-RS and security so preflights never need a token.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CorsFilter extends HttpFilter {
  private static final String ALLOWED_METHODS = "GET, POST, PATCH, PUT, DELETE, OPTIONS";
  private static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, Accept, X-Requested-With";
  private static final String EXPOSED_HEADERS = "Retry-After, WWW-Authenticate, Location";

  private Set<String> allowedOrigins = Set.of();

  @Override
  public void init(FilterConfig config) {
    allowedOrigins =
        parse(
            ConfigProvider.getConfig()
                .getOptionalValue("NEXUS_CORS_ORIGINS", String.class)
                .orElse(""));
  }

  static Set<String> parse(String origins) {
    return Arrays.stream(origins.split(","))
        .map(String::trim)
        .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
        .filter(origin -> !origin.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && origin != null
            && request.getHeader("Access-Control-Request-Method") != null;
    if (origin != null) {
      response.addHeader("Vary", "Origin");
    }
    if (origin != null && allowedOrigins.contains(origin)) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Access-Control-Allow-Credentials", "true");
      response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      if (preflight) {
        response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
        response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.setHeader("Access-Control-Max-Age", "600");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return;
      }
    } else if (preflight) {
      // An origin we do not trust: answer without CORS headers so the browser blocks the call.
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }
}

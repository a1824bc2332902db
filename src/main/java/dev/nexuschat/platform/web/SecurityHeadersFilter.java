package dev.nexuschat.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Browser hardening on every response of the application (HSTS on those served over HTTPS), plus
 * the caching policy of the web client: hashed assets for a year, {@code index.html} never without
 * revalidation. Headers are set before the chain runs so they are there even when a later stage
 * commits early; it also runs on forwards and error dispatches, so the SPA fallback (which may run
 * first, filter order is not defined for annotated filters) and error pages get them too.
 */
@WebFilter(
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {
  /**
   * No inline script anywhere; the socket and the API are same-origin; avatars may be any https
   * image, never a plain http one (a tracking pixel anyone on the path can read or swap, and mixed
   * content): avatar URLs are https only. Uploaded images are fetched with the access token and
   * shown from {@code blob:} object URLs; with S3 storage the browser also talks to the bucket
   * ({@code NEXUS_S3_PUBLIC_ENDPOINT}), which {@link #policy} adds to {@code connect-src}.
   */
  static final String CONTENT_SECURITY_POLICY = policy(Optional.empty());

  static String policy(Optional<String> storageOrigin) {
    return String.join(
        "; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob: https:",
        "connect-src 'self'" + storageOrigin.map(origin -> " " + origin).orElse(""),
        "font-src 'self'",
        "media-src 'self' data: blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");
  }

  /** The origin of an http(s) URL (scheme, host, port), or empty when it is not one. */
  static Optional<String> originOf(String url) {
    try {
      URI uri = URI.create(url.strip());
      String scheme = uri.getScheme();
      if (uri.getHost() == null
          || scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        return Optional.empty();
      }
      return Optional.of(
          scheme.toLowerCase(Locale.ROOT)
              + "://"
              + uri.getHost()
              + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private String contentSecurityPolicy = CONTENT_SECURITY_POLICY;

  @Override
  public void init() throws ServletException {
    super.init();
    Config config = ConfigProvider.getConfig();
    String storage = config.getOptionalValue("NEXUS_STORAGE", String.class).orElse("local");
    if ("s3".equalsIgnoreCase(storage.strip())) {
      // AWS without an endpoint: the bucket's virtual host (https: of img-src does not cover fetch)
      Optional<String> origin =
          config
              .getOptionalValue("NEXUS_S3_PUBLIC_ENDPOINT", String.class)
              .or(() -> config.getOptionalValue("NEXUS_S3_ENDPOINT", String.class))
              .filter(e -> !e.isBlank())
              .flatMap(SecurityHeadersFilter::originOf);
      contentSecurityPolicy = policy(Optional.of(origin.orElse("https://*.amazonaws.com")));
    }
  }

  /** A year, subdomains included: sent only on HTTPS, where a browser honours it. */
  static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

  @Inject ClientAddress clientAddress;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setHeader("Content-Security-Policy", contentSecurityPolicy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    // HTTPS directly or through a trusted proxy (X-Forwarded-Proto): ClientAddress decides.
    if (clientAddress.isHttps(request)) {
      response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    }
    if (ClientRoutes.isHashedAsset(path)) {
      response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    } else if (path.equals(SpaFallbackFilter.INDEX)) {
      response.setHeader("Cache-Control", "no-cache");
    }
    chain.doFilter(request, response);
  }
}

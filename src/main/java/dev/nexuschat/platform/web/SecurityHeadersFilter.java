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
   * content): avatar URLs are https only. {@code blob:} images are the attachments and thumbnails
   * the web client fetched with its token (a bare {@code <img src>} cannot send one).
   */
  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data: https: blob:",
          "connect-src 'self'",
          "font-src 'self'",
          "media-src 'self' data:",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  /** A year, subdomains included: sent only on HTTPS, where a browser honours it. */
  static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

  @Inject ClientAddress clientAddress;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
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

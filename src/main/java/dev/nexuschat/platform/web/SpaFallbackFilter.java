package dev.nexuschat.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;

/**
 * Serves the web client's {@code index.html} for its routes ({@code /}, {@code /chat/...}, {@code
 * /login}), so a reload or a shared link opens the app instead of the container's 404. Server paths
 * pass through untouched (see {@link ClientRoutes}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SpaFallbackFilter extends HttpFilter {
  static final String INDEX = "/index.html";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean readOnly = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (readOnly && ClientRoutes.isClientRoute(path) && !servedByOwnServlet(request)) {
      response.setHeader("Cache-Control", "no-cache");
      request.getRequestDispatcher(INDEX).forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * A path some servlet of the application is mapped to (such as a test runner deployed beside the
   * app) is not a client route, whatever it looks like; only the default servlet's paths are.
   */
  private static boolean servedByOwnServlet(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    return mapping != null
        && mapping.getMappingMatch() != null
        && mapping.getMappingMatch() != MappingMatch.DEFAULT
        && mapping.getMappingMatch() != MappingMatch.CONTEXT_ROOT;
  }
}

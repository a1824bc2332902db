package dev.nexuschat.platform.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * MicroProfile JWT answers a missing or rejected access token with a bare 401 before any resource
 * runs. This gives that answer (and any other body-less API error) the problem+json body the
 * contract promises, keeping the container's {@code WWW-Authenticate} challenge.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ContainerProblemFilter extends HttpFilter {
  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status >= 400 && !response.isCommitted() && response.getContentType() == null) {
      ContainerErrorServlet.writeProblem(status, response);
    }
  }
}

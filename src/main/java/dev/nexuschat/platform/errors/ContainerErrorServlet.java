package dev.nexuschat.platform.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The error page for failures the container answers outside JAX-RS (an unknown path, a failed
 * dispatch): it writes the same problem+json as {@link ProblemMapper}.
 */
@WebServlet(urlPatterns = "/problem/*")
public class ContainerErrorServlet extends HttpServlet {
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    writeProblem(
        code instanceof Integer value ? value : statusFromPath(request.getPathInfo()), response);
  }

  static void writeProblem(int status, HttpServletResponse response) throws IOException {
    ApiException problem =
        switch (status) {
          case 400 -> new Invalid("request", "The request is malformed (e.g. its path)");
          case 401 -> new Unauthenticated("A valid access token is required");
          case 403 -> new Forbidden("You may not do this");
          case 404 -> new NotFound("No such resource");
          case 413 -> new PayloadTooLarge(64 * 1024);
          default -> null;
        };
    jakarta.ws.rs.core.Response body =
        problem != null
            ? ProblemMapper.fromApiException(problem)
            : ProblemMapper.problem(
                    status,
                    status == 405 ? "METHOD_NOT_ALLOWED" : "INTERNAL_ERROR",
                    status == 405 ? "Method Not Allowed" : "Internal Server Error",
                    status == 405
                        ? "This method is not allowed here"
                        : "Something went wrong on our side",
                    List.of())
                .build();
    response.setStatus(status);
    response.setContentType(ProblemMapper.PROBLEM_JSON);
    response.setCharacterEncoding("UTF-8");
    if (status == 401 && response.getHeader("WWW-Authenticate") == null) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"nexuschat\"");
    }
    response.getWriter().write((String) body.getEntity());
  }

  /** Answers {@code problem} as problem+json from outside JAX-RS (a servlet filter, say). */
  public static void write(ApiException problem, HttpServletResponse response) throws IOException {
    jakarta.ws.rs.core.Response body = ProblemMapper.fromApiException(problem);
    response.setStatus(body.getStatus());
    if (problem instanceof RateLimited limited) {
      response.setHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
    }
    response.setContentType(ProblemMapper.PROBLEM_JSON);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write((String) body.getEntity());
  }

  private static int statusFromPath(String path) {
    try {
      return path == null ? 404 : Integer.parseInt(path.substring(1));
    } catch (NumberFormatException e) {
      return 404;
    }
  }
}

package dev.nexuschat.platform.errors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures of resource parameters. RESTEasy ships a mapper for
 * {@code ValidationException}, nearer to them than {@link ProblemMapper}'s {@code Throwable}, which
 * answers with its own report (and internal names such as {@code login.arg0}); this one is nearer
 * still and hands them to {@link ProblemMapper}.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
  private final ProblemMapper problems = new ProblemMapper();

  @Override
  public Response toResponse(ConstraintViolationException violations) {
    return problems.toResponse(violations);
  }
}

package dev.nexuschat.platform.errors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures of request bodies. The JAX-RS runtime ships its own mapper for {@code
 * ValidationException} (a text/plain violation report), which is closer to these exceptions than
 * {@link ProblemMapper}'s {@code Throwable}; this closer one hands them back to it.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
  private final ProblemMapper problems = new ProblemMapper();

  @Override
  public Response toResponse(ConstraintViolationException violations) {
    return problems.toResponse(violations);
  }
}

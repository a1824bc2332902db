package dev.nexuschat.platform.errors;

import java.util.List;

/**
 * A failure the client caused or may act on. Thrown by services and entities, turned into one
 * problem+json response by {@link ProblemMapper} (REST) and into an error frame by the WebSocket
 * endpoint.
 */
public abstract class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final List<FieldError> fieldErrors;

  protected ApiException(int status, String code, String detail, List<FieldError> fieldErrors) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }
}

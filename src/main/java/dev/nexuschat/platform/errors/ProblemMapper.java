package dev.nexuschat.platform.errors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become HTTP responses: RFC 9457 problem+json with the contract's
 * {@code code}. Nothing internal (stack traces, SQL, class names) ever reaches the client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  public static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    ApiException api = findApiException(failure);
    if (api != null) {
      return fromApiException(api);
    }
    if (failure instanceof ConstraintViolationException violations) {
      return fromApiException(new Invalid(fieldErrors(violations)));
    }
    if (isUnreadableBody(failure)) {
      LOG.log(Level.FINE, "Unreadable request body", failure);
      FieldError field = UnreadableBody.describe(failure);
      return fromApiException(new Invalid(field.field(), field.message()));
    }
    if (failure instanceof WebApplicationException web) {
      return fromWebApplicationException(web);
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
    return problem(
            500,
            "INTERNAL_ERROR",
            "Internal Server Error",
            "Something went wrong on our side (incident " + incident + ")",
            List.of())
        .build();
  }

  public static Response fromApiException(ApiException api) {
    Response.ResponseBuilder response =
        problem(
            api.status(), api.code(), titleFor(api.status()), api.getMessage(), api.fieldErrors());
    if (api instanceof Unauthenticated) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"nexuschat\"");
    }
    if (api instanceof RateLimited limited) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
    }
    return response.build();
  }

  private static Response fromWebApplicationException(WebApplicationException web) {
    int status = web.getResponse().getStatus();
    return switch (status) {
      case 400 -> fromApiException(new Invalid("body", "Malformed request"));
      case 401 -> fromApiException(new Unauthenticated("A valid access token is required"));
      case 403 -> fromApiException(new Forbidden("You may not do this"));
      case 404 -> fromApiException(new NotFound("No such resource"));
      case 405 ->
          problem(
                  405,
                  "METHOD_NOT_ALLOWED",
                  titleFor(405),
                  "This method is not allowed here",
                  List.of())
              .build();
      case 406 ->
          problem(
                  406,
                  "NOT_ACCEPTABLE",
                  titleFor(406),
                  "This resource produces application/json",
                  List.of())
              .build();
      case 413 -> fromApiException(new PayloadTooLarge(-1));
      case 415 ->
          problem(
                  415,
                  "UNSUPPORTED_MEDIA_TYPE",
                  titleFor(415),
                  "Send the body as application/json",
                  List.of())
              .build();
      default ->
          problem(
                  status,
                  status >= 500 ? "INTERNAL_ERROR" : "REQUEST_FAILED",
                  titleFor(status),
                  "The request failed",
                  List.of())
              .build();
    };
  }

  static Response.ResponseBuilder problem(
      int status, String code, String title, String detail, List<FieldError> errors) {
    JsonArrayBuilder fields = Json.createArrayBuilder();
    for (FieldError error : errors) {
      fields.add(
          Json.createObjectBuilder().add("field", error.field()).add("message", error.message()));
    }
    JsonObject body =
        Json.createObjectBuilder()
            .add("type", "https://nexuschat.dev/problems/" + code.toLowerCase().replace('_', '-'))
            .add("title", title)
            .add("status", status)
            .add("detail", detail == null ? title : detail)
            .add("code", code)
            .add("errors", fields)
            .build();
    return Response.status(status).type(PROBLEM_JSON).entity(body.toString());
  }

  /** An ApiException thrown while reading a body arrives wrapped by the JSON layer. */
  private static ApiException findApiException(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof ApiException api) {
        return api;
      }
    }
    return null;
  }

  private static boolean isUnreadableBody(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JsonbException
          || t instanceof JsonParsingException
          || t instanceof jakarta.json.JsonException) {
        return true;
      }
      if (t instanceof ProcessingException && t.getCause() == null) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static List<FieldError> fieldErrors(ConstraintViolationException violations) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
      errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
    }
    errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    return errors;
  }

  /** The last property node of the path, in wire (snake_case) form. */
  static String fieldName(Path path) {
    String name = "body";
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PROPERTY) {
        name = node.getName();
      } else if (node.getKind() == ElementKind.PARAMETER) {
        // a constraint on the body parameter itself (@NotNull): its name is only arg0
        name = "body";
      }
    }
    return SnakeCase.of(name);
  }

  private static String titleFor(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known != null ? known.getReasonPhrase() : "Error";
  }
}

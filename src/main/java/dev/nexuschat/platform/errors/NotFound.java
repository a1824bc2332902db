package dev.nexuschat.platform.errors;

import java.util.List;

/** 404: the thing does not exist (or its id is malformed). */
public final class NotFound extends ApiException {
  public NotFound(String detail) {
    super(404, "NOT_FOUND", detail, List.of());
  }
}

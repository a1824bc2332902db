package dev.nexuschat.platform.errors;

import java.util.List;

/** 422: well-formed, but its content cannot be used (a truncated file, a too large image). */
public final class Unprocessable extends ApiException {
  public Unprocessable(String code, String detail) {
    super(422, code, detail, List.of());
  }
}

package dev.nexuschat.platform.errors;

import java.util.List;

/** 403: the caller is known but may not do this. */
public final class Forbidden extends ApiException {
  public Forbidden(String detail) {
    super(403, "FORBIDDEN", detail, List.of());
  }
}

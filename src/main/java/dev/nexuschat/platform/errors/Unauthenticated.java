package dev.nexuschat.platform.errors;

import java.util.List;

/** 401: no valid credentials. The mapper adds {@code WWW-Authenticate: Bearer}. */
public final class Unauthenticated extends ApiException {
  public Unauthenticated(String detail) {
    super(401, "UNAUTHORIZED", detail, List.of());
  }
}

package dev.nexuschat.platform.errors;

import java.util.List;

/** 409 with a precise code such as {@code EMAIL_TAKEN} or {@code OWNER_MUST_TRANSFER}. */
public final class Conflict extends ApiException {
  public Conflict(String code, String detail) {
    super(409, code, detail, List.of());
  }
}

package dev.nexuschat.platform.errors;

import java.util.List;

/** 400 VALIDATION_FAILED, listing every failing field. */
public final class Invalid extends ApiException {
  public Invalid(List<FieldError> errors) {
    super(400, "VALIDATION_FAILED", describe(errors), errors);
  }

  public Invalid(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  private static String describe(List<FieldError> errors) {
    return errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " fields are invalid";
  }
}

package dev.nexuschat.platform.json;

import dev.nexuschat.platform.errors.FieldError;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Bean Validation for {@link TextRules#trimmed}: {@code min} to {@code max} characters (code
 * points) once trimmed, no NUL. Counted in one linear pass, never by a pattern: a pattern like
 * {@code \s*.{0,100}\s*} backtracks quadratically on long runs of spaces, and request bodies are 64
 * KiB.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TrimmedText.Validator.class)
public @interface TrimmedText {
  int min() default 1;

  int max();

  String message() default "is not acceptable text";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<TrimmedText, String> {
    private int min;
    private int max;

    @Override
    public void initialize(TrimmedText constraint) {
      min = constraint.min();
      max = constraint.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      List<FieldError> errors = new ArrayList<>(1);
      TextRules.trimmed(value, "", min, max, errors);
      if (errors.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(errors.get(0).message())
          .addConstraintViolation();
      return false;
    }
  }
}

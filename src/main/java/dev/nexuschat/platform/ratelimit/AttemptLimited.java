package dev.nexuschat.platform.ratelimit;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits a resource method to {@code perMinute} attempts per client IP. Checked before the body is
 * read or validated, so malformed attempts count too.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AttemptLimited {
  String bucket() default "";

  int perMinute() default 0;
}

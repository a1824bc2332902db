package dev.nexuschat.platform.errors;

/** One failing input field, named as it is on the wire (snake_case). */
public record FieldError(String field, String message) {}

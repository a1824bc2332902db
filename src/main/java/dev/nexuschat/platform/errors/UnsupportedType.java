package dev.nexuschat.platform.errors;

import java.util.List;

/** 415: content of a type that is refused here, or that is not what it claims to be. */
public final class UnsupportedType extends ApiException {
  public UnsupportedType(String code, String detail) {
    super(415, code, detail, List.of());
  }
}

package dev.nexuschat.platform.errors;

import java.util.List;

/** 413: the request body is over the limit. */
public final class PayloadTooLarge extends ApiException {
  public PayloadTooLarge(long limitBytes) {
    super(
        413,
        "PAYLOAD_TOO_LARGE",
        "Request body is larger than " + limitBytes + " bytes",
        List.of());
  }
}

package dev.nexuschat.realtime.boundary;

import dev.nexuschat.platform.errors.ApiException;
import java.util.List;

/**
 * A client frame that is not JSON, names no known event or lacks a field. Never closes the socket.
 */
public final class BadFrame extends ApiException {
  public BadFrame(String detail) {
    super(400, "BAD_FRAME", detail, List.of());
  }
}

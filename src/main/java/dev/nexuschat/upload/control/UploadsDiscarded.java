package dev.nexuschat.upload.control;

import java.util.List;
import java.util.UUID;

/** Upload rows were deleted (their message was, or they were orphans): their bytes go next. */
public record UploadsDiscarded(List<UUID> uploadIds) {
  public UploadsDiscarded {
    uploadIds = List.copyOf(uploadIds);
  }
}

package dev.nexuschat.room.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of {@code /rooms}. Ids are strings here so a malformed one is a field error. */
public final class RoomRequests {
  private RoomRequests() {}

  @Schema(
      name = "NewRoom",
      description =
          "A group room (name required) or, with is_direct, a direct"
              + " conversation with exactly one other user.")
  public record Create(
      @Schema(maxLength = 100) String name,
      @Schema(maxLength = 500, nullable = true) String description,
      Boolean isDirect,
      @Schema(description = "Users to add (group) or the other person (direct)")
          List<String> memberIds) {}

  @Schema(name = "AddMember")
  public record AddMember(@NotBlank(message = "is required") String userId) {}

  @Schema(name = "ChangeRole")
  public record ChangeRole(
      @NotNull(message = "is required") @Schema(enumeration = {"owner", "admin", "member"})
          String role) {}

  @Schema(name = "RoomChanges", description = "Absent fields stay; description null removes it.")
  public record Update(
      @Schema(maxLength = 100) String name,
      @Schema(maxLength = 500, nullable = true) String description) {}

  @Schema(name = "MySettings", description = "The caller's own settings for a room.")
  public record MySettings(
      @NotNull(message = "is required")
          @Schema(description = "No sound and no notification for the room; counts stay")
          Boolean muted) {}
}

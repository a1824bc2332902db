package dev.nexuschat.auth.boundary;

import dev.nexuschat.auth.control.StrongPassword;
import dev.nexuschat.platform.json.TrimmedText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of {@code /auth}. Bean Validation reports every failing field at once. */
public final class AuthRequests {
  private AuthRequests() {}

  public record Register(
      @NotBlank(message = "is required")
          @Email(message = "must be a valid email address")
          @Size(max = 255, message = "must be at most 255 characters")
          String email,
      @NotNull(message = "is required")
          @Pattern(
              regexp = "[A-Za-z0-9_]{3,50}",
              message = "must be 3-50 letters, digits or underscores")
          String username,
      // Counted in code points once trimmed, like the profile's display name (@Size counts UTF-16
      // units, so 100 emoji would fail).
      @TrimmedText(max = 100) String displayName,
      @StrongPassword String password) {}

  public record Login(
      @NotBlank(message = "is required")
          @Size(max = 255, message = "must be at most 255 characters")
          String email,
      @NotBlank(message = "is required")
          @Size(max = 1024, message = "must be at most 1024 characters")
          String password,
      Boolean rememberMe) {}

  public record Refresh(String refreshToken) {}
}

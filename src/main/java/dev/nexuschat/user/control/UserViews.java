package dev.nexuschat.user.control;

import dev.nexuschat.user.entity.User;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API shapes of a user, from most to least detail. */
public final class UserViews {
  private UserViews() {}

  /** The caller's own account ({@code GET /users/me}); the only view with the email. */
  @Schema(name = "Me")
  public record Me(
      UUID id,
      String email,
      String username,
      String displayName,
      String avatarUrl,
      boolean isOnline,
      Instant lastSeenAt,
      Instant createdAt) {
    public static Me of(User user, boolean online) {
      return new Me(
          user.id(),
          user.email(),
          user.username(),
          user.displayName(),
          user.avatarUrl(),
          online,
          instant(user.lastSeenAt()),
          user.createdAt().toInstant());
    }
  }

  /** Registration's answer: the new account, not yet online. */
  @Schema(name = "RegisteredUser")
  public record Registered(
      UUID id,
      String email,
      String username,
      String displayName,
      String avatarUrl,
      Instant createdAt) {
    public static Registered of(User user) {
      return new Registered(
          user.id(),
          user.email(),
          user.username(),
          user.displayName(),
          user.avatarUrl(),
          user.createdAt().toInstant());
    }
  }

  /** Anyone's public profile ({@code GET /users/{id}}). */
  @Schema(name = "UserProfile")
  public record Profile(
      UUID id,
      String username,
      String displayName,
      String avatarUrl,
      boolean isOnline,
      Instant lastSeenAt) {
    public static Profile of(User user, boolean online) {
      return new Profile(
          user.id(),
          user.username(),
          user.displayName(),
          user.avatarUrl(),
          online,
          instant(user.lastSeenAt()));
    }
  }

  /** A search hit or a DM peer. */
  @Schema(name = "UserSummary")
  public record Summary(
      UUID id, String username, String displayName, String avatarUrl, boolean isOnline) {
    public static Summary of(User user, boolean online) {
      return new Summary(user.id(), user.username(), user.displayName(), user.avatarUrl(), online);
    }
  }

  /** The sender block of a message: no presence, so it never goes stale in caches. */
  @Schema(name = "MessageSender")
  public record Sender(UUID id, String username, String displayName, String avatarUrl) {
    public static Sender of(User user) {
      return new Sender(user.id(), user.username(), user.displayName(), user.avatarUrl());
    }
  }

  private static Instant instant(java.time.OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}

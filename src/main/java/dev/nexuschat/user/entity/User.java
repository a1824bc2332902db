package dev.nexuschat.user.entity;

import dev.nexuschat.platform.time.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A registered person. Keeps lower-cased copies of email, username and display name so that
 * uniqueness and search are case-insensitive on every database.
 */
@Entity
@Table(name = "users")
public class User {
  @Id private UUID id;

  @Column(name = "email", nullable = false)
  private String email;

  @Column(name = "email_key", nullable = false)
  private String emailKey;

  @Column(name = "username", nullable = false)
  private String username;

  @Column(name = "username_key", nullable = false)
  private String usernameKey;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "display_name_key", nullable = false)
  private String displayNameKey;

  @Column(name = "avatar_url")
  private String avatarUrl;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "last_seen_at")
  private OffsetDateTime lastSeenAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected User() {}

  public static User register(
      UUID id, String email, String username, String displayName, String passwordHash) {
    User user = new User();
    user.id = Objects.requireNonNull(id);
    user.email = email;
    user.emailKey = key(email);
    user.username = username;
    user.usernameKey = key(username);
    user.rename(displayName);
    user.passwordHash = Objects.requireNonNull(passwordHash);
    user.createdAt = Timestamps.now();
    user.updatedAt = user.createdAt;
    return user;
  }

  /** The form used for case-insensitive uniqueness and search. */
  public static String key(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  public void rename(String newDisplayName) {
    displayName = Objects.requireNonNull(newDisplayName);
    displayNameKey = key(newDisplayName);
    updatedAt = Timestamps.now();
  }

  public void changeAvatar(String newAvatarUrl) {
    avatarUrl = newAvatarUrl;
    updatedAt = Timestamps.now();
  }

  public void seenAt(OffsetDateTime when) {
    lastSeenAt = when;
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String avatarUrl() {
    return avatarUrl;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public OffsetDateTime lastSeenAt() {
    return lastSeenAt;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}

package dev.nexuschat.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One refresh token of a login's token family, stored as a hash. A token is good for one rotation;
 * presenting it again means it was copied, and the family is revoked.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {
  @Id private UUID id;

  @Column(name = "family_id", nullable = false)
  private UUID familyId;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "remember_me", nullable = false)
  private boolean rememberMe;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected RefreshToken() {}

  public static RefreshToken issue(
      UUID familyId,
      UUID userId,
      String tokenHash,
      boolean rememberMe,
      OffsetDateTime now,
      Duration lifetime) {
    RefreshToken token = new RefreshToken();
    token.id = UUID.randomUUID();
    token.familyId = Objects.requireNonNull(familyId);
    token.userId = Objects.requireNonNull(userId);
    token.tokenHash = Objects.requireNonNull(tokenHash);
    token.rememberMe = rememberMe;
    token.createdAt = now;
    token.expiresAt = now.plus(lifetime);
    return token;
  }

  public boolean wasUsed() {
    return usedAt != null;
  }

  /** Rotated no longer than {@code grace} before {@code now}. */
  public boolean wasUsedWithin(Duration grace, OffsetDateTime now) {
    return usedAt != null && !grace.isZero() && usedAt.plus(grace).isAfter(now);
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public boolean isExpiredAt(OffsetDateTime now) {
    return !now.isBefore(expiresAt);
  }

  public void markUsed(OffsetDateTime now) {
    usedAt = now;
  }

  public UUID familyId() {
    return familyId;
  }

  public UUID userId() {
    return userId;
  }

  public boolean rememberMe() {
    return rememberMe;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }
}

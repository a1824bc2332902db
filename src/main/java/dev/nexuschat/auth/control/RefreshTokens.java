package dev.nexuschat.auth.control;

import dev.nexuschat.auth.entity.RefreshToken;
import dev.nexuschat.platform.errors.Unauthenticated;
import dev.nexuschat.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque refresh tokens in families: each login starts a family (the session, whose id access
 * tokens carry as {@code sid}), each refresh rotates to a new token of it, and presenting a token
 * that was already rotated revokes the whole family, unless it is a retry within the {@link
 * RotationGrace}, which gets the successor it was given.
 */
@ApplicationScoped
public class RefreshTokens {
  public static final Duration LIFETIME = Duration.ofDays(7);
  public static final Duration REMEMBERED_LIFETIME = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;
  @Inject RotationGrace grace;
  @Inject Event<SessionEnded> sessionEnded;

  /** A new refresh token of session {@code familyId}. */
  public record Issued(
      String token, UUID familyId, UUID userId, boolean rememberMe, OffsetDateTime expiresAt) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public Issued startFamily(UUID userId, boolean rememberMe) {
    return issue(UUID.randomUUID(), userId, rememberMe);
  }

  /** Trades a live token for its successor. Unknown, expired, revoked or reused: 401. */
  @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = Unauthenticated.class)
  public Issued rotate(String presented) {
    RefreshToken token = findLocked(presented);
    OffsetDateTime now = Timestamps.now();
    if (token == null || token.isRevoked() || token.isExpiredAt(now)) {
      throw new Unauthenticated("Refresh token is invalid or expired");
    }
    if (token.wasUsed()) {
      // The row lock above makes a concurrent retry wait for the first rotation's commit, so the
      // successor is remembered by the time it looks.
      Optional<Issued> successor =
          token.wasUsedWithin(grace.grace(), now) ? grace.recall(presented) : Optional.empty();
      if (successor.isPresent() && successor.get().familyId().equals(token.familyId())) {
        return successor.get();
      }
      revokeFamily(token.familyId(), token.userId(), now);
      throw new Unauthenticated(
          "Refresh token was already used; all sessions of this login are revoked");
    }
    token.markUsed(now);
    Issued next = issue(token.familyId(), token.userId(), token.rememberMe());
    grace.remember(presented, next);
    return next;
  }

  /** Logout: the token's family ends. Unknown tokens are ignored (logout is idempotent). */
  @Transactional
  public void revoke(String presented) {
    RefreshToken token = findLocked(presented);
    if (token != null) {
      revokeFamily(token.familyId(), token.userId(), Timestamps.now());
    }
  }

  /**
   * Deletes up to {@code max} tokens that can never be used again: expired before {@code
   * expiredBefore}, or revoked before {@code revokedBefore}. A rotated token of a live family stays
   * until it expires: presenting it is how reuse is detected. Returns how many went.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purge(OffsetDateTime expiredBefore, OffsetDateTime revokedBefore, int max) {
    List<UUID> ids =
        em.createQuery(
                "SELECT t.id FROM RefreshToken t WHERE t.expiresAt < :expired"
                    + " OR t.revokedAt < :revoked",
                UUID.class)
            .setParameter("expired", expiredBefore)
            .setParameter("revoked", revokedBefore)
            .setMaxResults(max)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    return em.createQuery("DELETE FROM RefreshToken t WHERE t.id IN :ids")
        .setParameter("ids", ids)
        .executeUpdate();
  }

  private Issued issue(UUID familyId, UUID userId, boolean rememberMe) {
    String token = newToken();
    OffsetDateTime now = Timestamps.now();
    RefreshToken stored =
        RefreshToken.issue(
            familyId,
            userId,
            hash(token),
            rememberMe,
            now,
            rememberMe ? REMEMBERED_LIFETIME : LIFETIME);
    em.persist(stored);
    return new Issued(token, familyId, userId, rememberMe, stored.expiresAt());
  }

  private RefreshToken findLocked(String presented) {
    if (presented == null || presented.isBlank() || presented.length() > 200) {
      return null;
    }
    List<RefreshToken> found =
        em.createQuery("SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash", RefreshToken.class)
            .setParameter("hash", hash(presented))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  private void revokeFamily(UUID familyId, UUID userId, OffsetDateTime now) {
    sessionEnded.fire(new SessionEnded(familyId, userId));
    em.createQuery(
            "UPDATE RefreshToken t SET t.revokedAt = :now"
                + " WHERE t.familyId = :family AND t.revokedAt IS NULL")
        .setParameter("now", now)
        .setParameter("family", familyId)
        .executeUpdate();
  }

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

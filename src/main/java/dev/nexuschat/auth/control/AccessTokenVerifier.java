package dev.nexuschat.auth.control;

import dev.nexuschat.platform.errors.Unauthenticated;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

/**
 * Verifies access tokens outside JAX-RS (the WebSocket handshake) with the rules the server's mpJwt
 * applies to REST: HS256 only, our issuer and audience, a subject, an expiry, no clock skew; and,
 * like {@code SessionCheckFilter} on REST, a session id ({@code sid}) whose session has not ended.
 */
@ApplicationScoped
public class AccessTokenVerifier {
  @Inject SigningSecret secret;
  @Inject SessionRevocations revocations;

  private JwtConsumer consumer;

  /** Who a valid token speaks for, in which session, and until when. */
  public record VerifiedAccess(UUID userId, String username, UUID sessionId, Instant expiresAt) {}

  @PostConstruct
  void build() {
    consumer =
        new JwtConsumerBuilder()
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
            .setVerificationKey(new HmacKey(secret.key()))
            .setExpectedIssuer(AccessTokens.ISSUER)
            .setExpectedAudience(AccessTokens.AUDIENCE)
            .setRequireSubject()
            .setRequireExpirationTime()
            .setAllowedClockSkewInSeconds(0)
            .build();
  }

  /** A valid token of a session that has not ended, or {@link Unauthenticated}. */
  public VerifiedAccess verify(String token) {
    VerifiedAccess access = verifyIgnoringSession(token);
    checkSession(access.sessionId());
    return access;
  }

  /**
   * Everything {@link #verify} checks but whether the session has ended: for the socket's second
   * look at a token the handshake filter accepted a moment ago, where a refusal could only be a
   * 500. A session that ended in between is caught when the socket opens (and closed with 4001).
   */
  public VerifiedAccess verifyIgnoringSession(String token) {
    if (token == null || token.isBlank()) {
      throw new Unauthenticated("An access token is required");
    }
    try {
      JwtClaims claims = consumer.processToClaims(token.trim());
      return new VerifiedAccess(
          UUID.fromString(claims.getSubject()),
          claims.getClaimValueAsString("upn"),
          UUID.fromString(claims.getStringClaimValue(AccessTokens.SESSION_CLAIM)),
          Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
    } catch (InvalidJwtException
        | MalformedClaimException
        | IllegalArgumentException
        | NullPointerException e) {
      throw new Unauthenticated("The access token is invalid or expired");
    }
  }

  /**
   * Refuses a token of an ended session. REST runs the same check on mpJwt's verified token. Tokens
   * without a session id are refused: every token this server mints has one, so one without could
   * never be revoked.
   */
  public void checkSession(UUID sessionId) {
    if (sessionId == null) {
      throw new Unauthenticated("The access token is invalid or expired");
    }
    if (revocations.isRevoked(sessionId)) {
      throw new Unauthenticated("This session has ended: sign in again");
    }
  }

  /** {@link #checkSession(UUID)} for a raw {@code sid} claim value. */
  public void checkSessionClaim(Object sidClaim) {
    UUID sessionId;
    try {
      sessionId = sidClaim == null ? null : UUID.fromString(claimText(sidClaim));
    } catch (IllegalArgumentException e) {
      sessionId = null;
    }
    checkSession(sessionId);
  }

  /** mpJwt hands string claims back as String or as a JSON string value. */
  private static String claimText(Object claim) {
    if (claim instanceof jakarta.json.JsonString json) {
      return json.getString();
    }
    return claim.toString();
  }
}

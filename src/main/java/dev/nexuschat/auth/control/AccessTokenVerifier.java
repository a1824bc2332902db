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
 * applies to REST: HS256 only, our issuer and audience, a subject, an expiry, no clock skew.
 */
@ApplicationScoped
public class AccessTokenVerifier {
  @Inject SigningSecret secret;

  private JwtConsumer consumer;

  /** Who a valid token speaks for, and until when. */
  public record VerifiedAccess(UUID userId, String username, Instant expiresAt) {}

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

  public VerifiedAccess verify(String token) {
    if (token == null || token.isBlank()) {
      throw new Unauthenticated("An access token is required");
    }
    try {
      JwtClaims claims = consumer.processToClaims(token.trim());
      return new VerifiedAccess(
          UUID.fromString(claims.getSubject()),
          claims.getClaimValueAsString("upn"),
          Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
    } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException e) {
      throw new Unauthenticated("The access token is invalid or expired");
    }
  }
}

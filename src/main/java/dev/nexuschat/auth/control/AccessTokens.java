package dev.nexuschat.auth.control;

import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Issues the short-lived access JWTs that MicroProfile JWT verifies on every protected call: HS256,
 * fixed issuer and audience, 30 minutes. Each names its session (refresh-token family) in {@code
 * sid}, so that ending the session ends its access tokens too (see {@link SessionRevocations}).
 */
@ApplicationScoped
public class AccessTokens {
  public static final String ISSUER = "nexuschat";
  public static final String AUDIENCE = "nexuschat";
  public static final Duration LIFETIME = Duration.ofMinutes(30);
  public static final String SESSION_CLAIM = "sid";

  @Inject SigningSecret secret;

  public String issue(User user, UUID sessionId) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(user.id().toString());
    claims.setClaim("upn", user.username());
    claims.setStringListClaim("groups", NexusApplication.USER_ROLE);
    claims.setClaim(SESSION_CLAIM, sessionId.toString());
    claims.setGeneratedJwtId();
    NumericDate now = NumericDate.now();
    claims.setIssuedAt(now);
    claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + LIFETIME.toSeconds()));

    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setHeader("typ", "JWT");
    jws.setKey(new HmacKey(secret.key()));
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("Cannot sign an access token", e);
    }
  }
}

package dev.nexuschat.testsupport;

import java.nio.charset.StandardCharsets;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Access tokens forged with the node's secret, for expiry and tampering cases. */
public final class Tokens {
  private Tokens() {}

  /** A token for {@code user} that expires {@code secondsFromNow} from now (negative: already expired). */
  public static String expiringIn(TestUser user, long secondsFromNow) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer("nexuschat");
    claims.setAudience("nexuschat");
    claims.setSubject(user.id());
    claims.setClaim("upn", user.username());
    claims.setStringListClaim("groups", "user");
    claims.setGeneratedJwtId();
    NumericDate now = NumericDate.now();
    claims.setIssuedAt(now);
    claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + secondsFromNow));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setKey(new HmacKey(NexusServer.jwtSecret().getBytes(StandardCharsets.UTF_8)));
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }
}

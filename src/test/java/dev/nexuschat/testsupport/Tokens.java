package dev.nexuschat.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Access tokens forged the way only a holder of the node's secret (or an attacker without it)
 * could: valid ones prove the abuse tests can fail, broken ones are the abuse.
 */
public final class Tokens {
  public static final String ISSUER = "nexuschat";
  public static final String AUDIENCE = "nexuschat";

  private Tokens() {}

  /** The claims the server itself puts into an access token for {@code user}, valid 30 minutes. */
  public static JwtClaims claimsFor(TestUser user) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(user.id());
    claims.setClaim("upn", user.username());
    claims.setStringListClaim("groups", List.of("user"));
    // A session (refresh-token family) of its own that no one has ended.
    claims.setClaim("sid", java.util.UUID.randomUUID().toString());
    claims.setGeneratedJwtId();
    NumericDate now = NumericDate.now();
    claims.setIssuedAt(now);
    claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + 30 * 60));
    return claims;
  }

  /**
   * A token for {@code user} signed with the node's secret, after {@code change} edited its claims.
   */
  public static String forge(TestUser user, Consumer<JwtClaims> change) {
    JwtClaims claims = claimsFor(user);
    change.accept(claims);
    return hmac(
        claims,
        AlgorithmIdentifiers.HMAC_SHA256,
        NexusServer.jwtSecret().getBytes(StandardCharsets.UTF_8));
  }

  public static String forge(TestUser user) {
    return forge(user, claims -> {});
  }

  /**
   * A valid token for {@code user} that expires {@code secondsFromNow} from now (negative: already
   * expired).
   */
  public static String expiringIn(TestUser user, long secondsFromNow) {
    return forge(
        user,
        claims ->
            claims.setExpirationTime(
                NumericDate.fromSeconds(NumericDate.now().getValue() + secondsFromNow)));
  }

  /**
   * Signs {@code claims} with an HMAC algorithm ({@code HS256}, {@code HS512}) and the given key.
   */
  public static String hmac(JwtClaims claims, String algorithm, byte[] key) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(algorithm);
    jws.setHeader("typ", "JWT");
    jws.setKey(new HmacKey(key));
    jws.setDoKeyValidation(false);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An RS256 token signed with a fresh key pair the server has never seen. */
  public static String rs256(JwtClaims claims) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      jws.setHeader("typ", "JWT");
      jws.setKey(pair.getPrivate());
      return jws.getCompactSerialization();
    } catch (NoSuchAlgorithmException | JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned token: header {@code {"alg":"none"}}, empty signature. */
  public static String unsigned(JwtClaims claims) {
    return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims.toJson()) + ".";
  }

  /** Header, payload and signature of a compact JWS. */
  public static String[] parts(String token) {
    return token.split("\\.", -1);
  }

  public static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  public static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}

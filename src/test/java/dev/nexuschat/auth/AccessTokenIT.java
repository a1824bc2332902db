package dev.nexuschat.auth;

import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.Tokens;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Access tokens the server must refuse. Each is answered 401 UNAUTHORIZED with a Bearer challenge;
 * the same request with a correctly forged token succeeds, so the refusals are the tokens' doing.
 */
@NexusIT
class AccessTokenIT {
  private static TestUser alice;
  private static TestUser bob;

  @BeforeAll
  static void users() {
    alice = Api.newUser("tokens_alice");
    bob = Api.newUser("tokens_bob");
  }

  static Stream<Arguments> rejectedTokens() {
    return Stream.of(
        rejected("no Authorization header", () -> null),
        rejected("an empty bearer token", () -> "Bearer "),
        rejected("garbage", () -> "Bearer not-a-jwt"),
        rejected("three garbage segments", () -> "Bearer aaaa.bbbb.cccc"),
        rejected(
            "Basic credentials",
            () ->
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (alice.username() + ":" + Api.PASSWORD)
                                .getBytes(StandardCharsets.UTF_8))),
        bearer("alg none, no signature", () -> Tokens.unsigned(Tokens.claimsFor(alice))),
        bearer(
            "alg none, with the valid HS256 signature kept",
            () -> {
              String[] valid = Tokens.parts(Tokens.forge(alice));
              return Tokens.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")
                  + "."
                  + valid[1]
                  + "."
                  + valid[2];
            }),
        bearer(
            "HS512 with the node's own secret",
            () -> Tokens.hmac(Tokens.claimsFor(alice), AlgorithmIdentifiers.HMAC_SHA512, secret())),
        bearer("RS256 signed with a foreign RSA key", () -> Tokens.rs256(Tokens.claimsFor(alice))),
        bearer(
            "RS256 header on an HS256 signature",
            () -> {
              String[] valid = Tokens.parts(Tokens.forge(alice));
              return Tokens.encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}")
                  + "."
                  + valid[1]
                  + "."
                  + valid[2];
            }),
        bearer(
            "payload tampered to another user, signature kept",
            () -> {
              String[] valid = Tokens.parts(Tokens.forge(alice));
              String otherPayload = Tokens.parts(Tokens.forge(bob))[1];
              return valid[0] + "." + otherPayload + "." + valid[2];
            }),
        bearer(
            "payload tampered by one character",
            () -> {
              String[] valid = Tokens.parts(Tokens.forge(alice));
              String payload =
                  Tokens.decode(valid[1]).replace(alice.username(), alice.username() + "x");
              return valid[0] + "." + Tokens.encode(payload) + "." + valid[2];
            }),
        bearer(
            "signature tampered",
            () -> {
              String[] valid = Tokens.parts(Tokens.forge(alice));
              char first = valid[2].charAt(0);
              return valid[0]
                  + "."
                  + valid[1]
                  + "."
                  + (first == 'A' ? 'B' : 'A')
                  + valid[2].substring(1);
            }),
        bearer(
            "signature stripped",
            () -> {
              String[] valid = Tokens.parts(Tokens.forge(alice));
              return valid[0] + "." + valid[1] + ".";
            }),
        bearer(
            "expired a minute ago",
            () ->
                Tokens.forge(
                    alice,
                    claims -> {
                      long now = NumericDate.now().getValue();
                      claims.setIssuedAt(NumericDate.fromSeconds(now - 31 * 60));
                      claims.setExpirationTime(NumericDate.fromSeconds(now - 60));
                    })),
        bearer(
            "expired a second ago",
            () ->
                Tokens.forge(
                    alice,
                    claims -> {
                      long now = NumericDate.now().getValue();
                      claims.setIssuedAt(NumericDate.fromSeconds(now - 30 * 60));
                      claims.setExpirationTime(NumericDate.fromSeconds(now - 1));
                    })),
        bearer("without an expiry", () -> Tokens.forge(alice, claims -> claims.unsetClaim("exp"))),
        bearer("another issuer", () -> Tokens.forge(alice, claims -> claims.setIssuer("evil"))),
        bearer("without an issuer", () -> Tokens.forge(alice, claims -> claims.unsetClaim("iss"))),
        bearer(
            "another audience",
            () -> Tokens.forge(alice, claims -> claims.setAudience("someone-else"))),
        bearer(
            "without an audience", () -> Tokens.forge(alice, claims -> claims.unsetClaim("aud"))),
        bearer(
            "signed with another secret",
            () ->
                Tokens.hmac(
                    Tokens.claimsFor(alice),
                    AlgorithmIdentifiers.HMAC_SHA256,
                    "a-different-secret-that-is-long-enough-for-hs256"
                        .getBytes(StandardCharsets.UTF_8))),
        bearer(
            "without a session id (sid): no session could ever revoke it",
            () -> Tokens.forge(alice, claims -> claims.unsetClaim("sid"))),
        bearer(
            "a session id that is no session id",
            () -> Tokens.forge(alice, claims -> claims.setClaim("sid", "not-a-uuid"))),
        bearer("the refresh token", () -> alice.refreshToken()),
        bearer("a fresh refresh token from login", AccessTokenIT::freshRefreshToken));
  }

  @ParameterizedTest(name = "{0} → 401")
  @MethodSource("rejectedTokens")
  void unacceptableCredentialsAreRefusedWithABearerChallenge(
      String description, Supplier<String> authorization) {
    String header = authorization.get();
    assertProblem(request(header).get("/api/v1/users/me"), 401, "UNAUTHORIZED");
    assertProblem(request(header).get("/api/v1/rooms"), 401, "UNAUTHORIZED");
  }

  @Test
  void tokenForgedWithTheNodesSecretIsAccepted() {
    request("Bearer " + Tokens.forge(alice))
        .get("/api/v1/users/me")
        .then()
        .statusCode(200)
        .body("id", equalTo(alice.id()))
        .body("username", equalTo(alice.username()));
  }

  @Test
  void tokenIssuedAtLoginIsAccepted() {
    request("Bearer " + alice.accessToken())
        .get("/api/v1/users/me")
        .then()
        .statusCode(200)
        .body("id", equalTo(alice.id()));
  }

  /** The caller is whoever the signed subject says, not what any other claim says. */
  @Test
  void callerIsTheTokensSubject() {
    String token = Tokens.forge(bob, claims -> claims.setClaim("upn", alice.username()));
    request("Bearer " + token)
        .get("/api/v1/users/me")
        .then()
        .statusCode(200)
        .body("id", equalTo(bob.id()));
  }

  /** Signed correctly, but for an account that does not exist (any more). */
  @Test
  void tokenOfAnUnknownAccountIsRefused() {
    TestUser ghost =
        new TestUser(
            UUID.randomUUID().toString(), "ghost", "ghost@example.test", "Ghost", null, null);
    assertProblem(
        request("Bearer " + Tokens.forge(ghost)).get("/api/v1/users/me"), 401, "UNAUTHORIZED");
  }

  @Test
  void tokenThatExpiresLaterIsStillAccepted() {
    String token =
        Tokens.forge(
            alice,
            claims ->
                claims.setExpirationTime(
                    NumericDate.fromSeconds(NumericDate.now().getValue() + 30)));
    request("Bearer " + token).get("/api/v1/users/me").then().statusCode(200);
  }

  private static RequestSpecification request(String authorization) {
    RequestSpecification request = Api.anonymous();
    return authorization == null ? request : request.header("Authorization", authorization);
  }

  private static String freshRefreshToken() {
    return Api.anonymous()
        .body(Map.of("email", alice.email(), "password", Api.PASSWORD))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .path("refresh_token");
  }

  private static byte[] secret() {
    return NexusServer.jwtSecret().getBytes(StandardCharsets.UTF_8);
  }

  private static Arguments rejected(String description, Supplier<String> authorization) {
    return Arguments.of(description, authorization);
  }

  private static Arguments bearer(String description, Supplier<String> token) {
    return Arguments.of(description, (Supplier<String>) () -> "Bearer " + token.get());
  }
}

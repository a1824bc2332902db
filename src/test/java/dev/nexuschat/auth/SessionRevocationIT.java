package dev.nexuschat.auth;

import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ending a session (logout, or reuse of a rotated refresh token) ends it everywhere at once: its
 * access tokens stop working on REST and on the socket handshake, and its open sockets are closed
 * with 4001. Another session of the same user and other users are not touched.
 */
@NexusIT
class SessionRevocationIT {
  private static TestUser alice;
  private static TestUser bob;

  /** One sign-in: a refresh-token family and an access token of it. */
  record Session(String accessToken, String refreshToken) {}

  @BeforeAll
  static void users() {
    alice = Api.newUser("sessions_alice");
    bob = Api.newUser("sessions_bob");
  }

  @Test
  void logoutEndsThatSessionsAccessTokensButNoOtherSessionsOrUsers() {
    Session ending = signIn(alice);
    Session otherTab = signIn(alice);
    Session otherUser = signIn(bob);
    me(ending).then().statusCode(200);

    logout(ending);

    Response refused = me(ending);
    assertProblem(refused, 401, "UNAUTHORIZED");
    assertThat(refused.header("WWW-Authenticate"), startsWith("Bearer"));
    assertProblem(rooms(ending), 401, "UNAUTHORIZED");
    me(otherTab).then().statusCode(200).body("id", equalTo(alice.id()));
    me(otherUser).then().statusCode(200).body("id", equalTo(bob.id()));
  }

  /** The web client may send its (now dead) access token along when it signs in again. */
  @Test
  void anEndedSessionsAccessTokenDoesNotBlockSigningInAgain() {
    Session ending = signIn(alice);
    logout(ending);
    Api.anonymous()
        .header("Authorization", "Bearer " + ending.accessToken())
        .body(Map.of("email", alice.email(), "password", Api.PASSWORD))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200);
    Api.anonymous()
        .header("Authorization", "Bearer " + ending.accessToken())
        .body(Map.of("refresh_token", ending.refreshToken()))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
  }

  @Test
  void reuseOfARotatedRefreshTokenEndsEveryAccessTokenOfItsFamily() {
    Session first = signIn(alice);
    Session rotated = refresh(first.refreshToken());
    Session otherTab = signIn(alice);
    me(rotated).then().statusCode(200);
    usedLongAgo(first.refreshToken());

    assertProblem(
        Api.anonymous()
            .body(Map.of("refresh_token", first.refreshToken()))
            .post("/api/v1/auth/refresh"),
        401,
        "UNAUTHORIZED");

    assertProblem(me(first), 401, "UNAUTHORIZED");
    assertProblem(me(rotated), 401, "UNAUTHORIZED");
    me(otherTab).then().statusCode(200);
  }

  @Test
  void logoutClosesThatSessionsSocketsWith4001AndRefusesItsHandshake() {
    Session ending = signIn(alice);
    Session otherTab = signIn(alice);
    Session otherUser = signIn(bob);
    String base = NexusServer.node().baseUrl();
    try (WsClient endingSocket = WsClient.connect(base, ending.accessToken());
        WsClient secondSocketOfIt = WsClient.connect(base, ending.accessToken());
        WsClient otherTabSocket = WsClient.connect(base, otherTab.accessToken());
        WsClient otherUserSocket = WsClient.connect(base, otherUser.accessToken())) {

      logout(ending);

      assertEquals(4001, endingSocket.awaitClose());
      assertEquals(4001, secondSocketOfIt.awaitClose());
      assertPong(otherTabSocket);
      assertPong(otherUserSocket);
      assertTrue(otherTabSocket.isOpen());
      assertTrue(otherUserSocket.isOpen());
    }
    URI ws = URI.create(WsClient.wsUrl(base));
    assertEquals(401, WsClient.handshakeStatus(ws, Map.of(), "bearer", ending.accessToken()));
    assertEquals(101, WsClient.handshakeStatus(ws, Map.of(), "bearer", otherTab.accessToken()));
  }

  @Test
  void reuseDetectionClosesTheFamilysSocketsWith4001() {
    Session first = signIn(alice);
    Session rotated = refresh(first.refreshToken());
    Session otherTab = signIn(alice);
    String base = NexusServer.node().baseUrl();
    try (WsClient oldToken = WsClient.connect(base, first.accessToken());
        WsClient newToken = WsClient.connect(base, rotated.accessToken());
        WsClient otherTabSocket = WsClient.connect(base, otherTab.accessToken())) {
      usedLongAgo(first.refreshToken());
      Api.anonymous()
          .body(Map.of("refresh_token", first.refreshToken()))
          .post("/api/v1/auth/refresh")
          .then()
          .statusCode(401);

      assertEquals(4001, oldToken.awaitClose());
      assertEquals(4001, newToken.awaitClose());
      assertPong(otherTabSocket);
    }
  }

  static Session signIn(TestUser user) {
    Response login =
        Api.anonymous()
            .body(Map.of("email", user.email(), "password", Api.PASSWORD))
            .post("/api/v1/auth/login");
    login.then().statusCode(200);
    return new Session(login.path("access_token"), login.path("refresh_token"));
  }

  static Session refresh(String refreshToken) {
    Response refreshed =
        Api.anonymous().body(Map.of("refresh_token", refreshToken)).post("/api/v1/auth/refresh");
    refreshed.then().statusCode(200);
    return new Session(refreshed.path("access_token"), refreshed.path("refresh_token"));
  }

  static void logout(Session session) {
    Api.anonymous()
        .body(Map.of("refresh_token", session.refreshToken()))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
  }

  /** Moves a rotated token's rotation a minute back: a retry now is a reuse, not a retry. */
  static void usedLongAgo(String refreshToken) {
    assertEquals(
        1,
        StoredRows.update(
            "UPDATE refresh_tokens SET used_at = used_at - interval '1 minute'"
                + " WHERE token_hash = ? AND used_at IS NOT NULL",
            sha256(refreshToken)));
  }

  private static Response me(Session session) {
    return Api.anonymous()
        .header("Authorization", "Bearer " + session.accessToken())
        .get("/api/v1/users/me");
  }

  private static Response rooms(Session session) {
    return Api.anonymous()
        .header("Authorization", "Bearer " + session.accessToken())
        .get("/api/v1/rooms");
  }

  private static void assertPong(WsClient client) {
    assertEquals("ack", client.reply(client.send("ping", "{}")).getString("event"));
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

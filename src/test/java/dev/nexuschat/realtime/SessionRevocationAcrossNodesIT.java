package dev.nexuschat.realtime;

import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.LibertyInstance;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.Readiness;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A session ended on one node is over on every node: the revocation list lives in Redis and each
 * revocation is broadcast, so node B refuses the session's tokens and closes its sockets (4001) the
 * moment node A logs it out, and a node that starts later learns the earlier revocations. The
 * refresh grace is shared too: a retry that lands on another node gets the same successor. A Redis
 * outage fails open and fails no request: the revoking node refuses at once, the others once Redis
 * is back.
 */
@NexusIT
class SessionRevocationAcrossNodesIT {
  record Session(String accessToken, String refreshToken) {}

  private static TestUser alice;
  private static TestUser bob;
  private static Session endedBeforeNodeB;
  private static LibertyInstance nodeB;

  @BeforeAll
  static void endASessionThenStartNodeB() {
    alice = Api.newUser("xnode_alice");
    bob = Api.newUser("xnode_bob");
    endedBeforeNodeB = signIn(nodeA(), alice);
    logout(nodeA(), endedBeforeNodeB);
    nodeB = NexusServer.startAnotherNode("node-b", Map.of());
  }

  @AfterAll
  static void stopNodeB() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  private static String nodeA() {
    return NexusServer.node().baseUrl();
  }

  @Test
  void aNodeStartedAfterALogoutRefusesThatSession() {
    String b = nodeB.baseUrl();
    assertProblem(me(b, endedBeforeNodeB), 401, "UNAUTHORIZED");
    assertEquals(
        401,
        WsClient.handshakeStatus(
            URI.create(WsClient.wsUrl(b)), Map.of(), "bearer", endedBeforeNodeB.accessToken()));
  }

  @Test
  void logoutOnOneNodeClosesTheSessionsSocketsAndRefusesItsTokensOnAnother() {
    String b = nodeB.baseUrl();
    URI wsB = URI.create(WsClient.wsUrl(b));
    Session ending = signIn(nodeA(), alice);
    Session otherTab = signIn(nodeA(), alice);
    Session otherUser = signIn(nodeA(), bob);
    me(b, ending).then().statusCode(200);
    try (WsClient endingOnB = WsClient.connect(b, ending.accessToken());
        WsClient otherTabOnB = WsClient.connect(b, otherTab.accessToken());
        WsClient otherUserOnB = WsClient.connect(b, otherUser.accessToken())) {

      logout(nodeA(), ending);

      assertEquals(4001, endingOnB.awaitClose());
      // Node B has heard of it now (the close came from there): its REST refuses the token too.
      assertProblem(me(b, ending), 401, "UNAUTHORIZED");
      assertEquals(401, WsClient.handshakeStatus(wsB, Map.of(), "bearer", ending.accessToken()));
      assertEquals("ack", otherTabOnB.reply(otherTabOnB.send("ping", "{}")).getString("event"));
      assertEquals("ack", otherUserOnB.reply(otherUserOnB.send("ping", "{}")).getString("event"));
      assertTrue(otherTabOnB.isOpen() && otherUserOnB.isOpen());
      me(b, otherTab).then().statusCode(200);
      me(b, otherUser).then().statusCode(200);
    }
  }

  /** The proxy may send the retry of a refresh to another node than the first attempt. */
  @Test
  void aRefreshRetriedOnAnotherNodeGetsTheSameSuccessor() {
    Session rotating = signIn(nodeA(), alice);
    String successor = refresh(nodeA(), rotating.refreshToken()).path("refresh_token");
    Response retriedOnB = refresh(nodeB.baseUrl(), rotating.refreshToken());
    retriedOnB.then().statusCode(200);
    assertEquals(successor, retriedOnB.path("refresh_token"));
    refresh(nodeB.baseUrl(), successor).then().statusCode(200);
  }

  @Test
  void duringARedisOutageLogoutEndsTheSessionOnItsNodeAndOnTheOthersOnceRedisIsBack()
      throws IOException {
    String b = nodeB.baseUrl();
    Session ending = signIn(nodeA(), alice);
    Session otherTab = signIn(nodeA(), alice);
    me(b, ending).then().statusCode(200);
    NexusServer.services().stopRedis();
    try {
      Readiness.await(nodeA(), 503);
      logout(nodeA(), ending);
      assertProblem(me(nodeA(), ending), 401, "UNAUTHORIZED");
      // Checks are local: no request fails because Redis is away.
      me(nodeA(), otherTab).then().statusCode(200);
      me(b, otherTab).then().statusCode(200);
    } finally {
      NexusServer.services().startRedis();
    }
    Readiness.await(nodeA(), 200);
    Readiness.await(b, 200);
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> me(b, ending).statusCode() == 401);
    assertProblem(me(b, ending), 401, "UNAUTHORIZED");
    me(b, otherTab).then().statusCode(200);
  }

  private static Session signIn(String baseUrl, TestUser user) {
    Response login =
        Api.anonymous(baseUrl)
            .body(Map.of("email", user.email(), "password", Api.PASSWORD))
            .post("/api/v1/auth/login");
    login.then().statusCode(200);
    return new Session(login.path("access_token"), login.path("refresh_token"));
  }

  private static Response refresh(String baseUrl, String refreshToken) {
    return Api.anonymous(baseUrl)
        .body(Map.of("refresh_token", refreshToken))
        .post("/api/v1/auth/refresh");
  }

  private static void logout(String baseUrl, Session session) {
    Api.anonymous(baseUrl)
        .body(Map.of("refresh_token", session.refreshToken()))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
  }

  private static Response me(String baseUrl, Session session) {
    return Api.anonymous(baseUrl)
        .header("Authorization", "Bearer " + session.accessToken())
        .get("/api/v1/users/me");
  }
}

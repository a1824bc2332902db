package dev.nexuschat.realtime;

import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.LibertyInstance;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A session ended on one node is over on every node: the revocation list lives in Redis and each
 * revocation is broadcast, so node B refuses the session's tokens and closes its sockets (4001) the
 * moment node A logs it out, and a node that starts later learns the earlier revocations.
 */
@NexusIT
class SessionRevocationAcrossNodesIT {
  record Session(String accessToken, String refreshToken) {}

  @Test
  void logoutOnOneNodeEndsTheSessionOnAnotherAndOnNodesStartedLater() {
    TestUser alice = Api.newUser("xnode_alice");
    TestUser bob = Api.newUser("xnode_bob");
    String nodeA = NexusServer.node().baseUrl();
    Session endedBeforeNodeB = signIn(nodeA, alice);
    logout(nodeA, endedBeforeNodeB);

    LibertyInstance nodeB = NexusServer.startAnotherNode("node-b", Map.of());
    try {
      String b = nodeB.baseUrl();
      // Node B was not running when that session ended: it learned it from Redis on start.
      assertProblem(me(b, endedBeforeNodeB), 401, "UNAUTHORIZED");
      URI wsB = URI.create(WsClient.wsUrl(b));
      assertEquals(
          401, WsClient.handshakeStatus(wsB, Map.of(), "bearer", endedBeforeNodeB.accessToken()));

      Session ending = signIn(nodeA, alice);
      Session otherTab = signIn(nodeA, alice);
      Session otherUser = signIn(nodeA, bob);
      me(b, ending).then().statusCode(200);
      try (WsClient endingOnB = WsClient.connect(b, ending.accessToken());
          WsClient otherTabOnB = WsClient.connect(b, otherTab.accessToken());
          WsClient otherUserOnB = WsClient.connect(b, otherUser.accessToken())) {

        logout(nodeA, ending);

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
    } finally {
      nodeB.close();
    }
  }

  private static Session signIn(String baseUrl, TestUser user) {
    Response login =
        Api.anonymous(baseUrl)
            .body(Map.of("email", user.email(), "password", Api.PASSWORD))
            .post("/api/v1/auth/login");
    login.then().statusCode(200);
    return new Session(login.path("access_token"), login.path("refresh_token"));
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

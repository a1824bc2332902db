package dev.nexuschat.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.LibertyInstance;
import dev.nexuschat.testsupport.LocalProxy;
import dev.nexuschat.testsupport.Metrics;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.ServerPackage;
import dev.nexuschat.testsupport.TestServices;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment of docker/compose.yaml, minus Docker: nginx with docker/nginx/nginx.conf in front
 * of two nodes on one PostgreSQL and one Redis, used only through the proxy. The second node is
 * started from the server package.
 */
@NexusIT
class ProxyIT {
  private static final String SOCKETS = "nexus_connected_sockets";

  private static LibertyInstance nodeB;
  private static LocalProxy proxy;

  @BeforeAll
  static void startSecondNodeAndProxy() {
    TestServices services = NexusServer.services();
    Map<String, String> environment =
        Map.of(
            "NEXUS_DB_URL", services.jdbcUrl(),
            "NEXUS_DB_USER", services.dbUser(),
            "NEXUS_DB_PASSWORD", services.dbPassword(),
            "NEXUS_REDIS_URL", services.redisUrl(),
            "NEXUS_JWT_SECRET", NexusServer.jwtSecret(),
            "NEXUS_TRUSTED_PROXIES", "127.0.0.1,::1");
    // The second node runs from the trimmed server package when the build made one (it does
    // unless -Dnexus.package.skip): what operators deploy is what serves half of this test.
    nodeB =
        ServerPackage.unpacked()
            .map(wlp -> LibertyInstance.start("node-packaged", environment, wlp))
            .orElseGet(() -> LibertyInstance.start("node-proxied", environment));
    proxy = LocalProxy.start(NexusServer.node(), nodeB);
  }

  @AfterAll
  static void stop() {
    try {
      if (proxy != null) {
        proxy.close();
      }
    } finally {
      if (nodeB != null) {
        nodeB.close();
      }
    }
  }

  @Test
  void loginRestCallsProbesAndTheWebClientWorkThroughTheProxy() {
    TestUser alice = Api.newUser(proxy.baseUrl(), "proxy_alice");
    String room =
        asThroughProxy(alice)
            .body(Map.of("name", "Proxied room", "member_ids", List.of()))
            .post("/api/v1/rooms")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // Round robin: consecutive calls land on both nodes, which share the database.
    for (int call = 0; call < 4; call++) {
      asThroughProxy(alice).get("/api/v1/rooms").then().statusCode(200).body("id", hasItem(room));
    }
    asThroughProxy(alice)
        .get("/api/v1/rooms/" + room + "/nope")
        .then()
        .statusCode(404)
        .contentType(containsString("application/problem+json"));

    given()
        .baseUri(proxy.baseUrl())
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"));
    given()
        .baseUri(proxy.baseUrl())
        .get("/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/api/v1/rooms"));
    for (String page : List.of("/", "/login", "/chat/" + room)) {
      given()
          .baseUri(proxy.baseUrl())
          .get(page)
          .then()
          .statusCode(200)
          .body(containsString("<div id=\"root\">"));
    }
  }

  @Test
  void aMessageSentOnOneNodeReachesAClientOnTheOtherThroughTheProxy() {
    TestUser alice = Api.newUser(proxy.baseUrl(), "proxy_ws_alice");
    TestUser bob = Api.newUser(proxy.baseUrl(), "proxy_ws_bob");
    String room =
        asThroughProxy(alice)
            .body(Map.of("name", "Across the proxy", "member_ids", List.of(bob.id())))
            .post("/api/v1/rooms")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    // nginx round-robins without stickiness: the second node's socket gauge tells where each
    // landed.
    double onB = Metrics.scrape(nodeB.baseUrl()).value(SOCKETS);
    try (WsClient aliceSocket = connectThroughProxy(alice)) {
      boolean aliceOnB = Metrics.scrape(nodeB.baseUrl()).value(SOCKETS) > onB;
      double withAlice = Metrics.scrape(nodeB.baseUrl()).value(SOCKETS);
      try (WsClient bobSocket = connectThroughProxy(bob)) {
        boolean bobOnB = Metrics.scrape(nodeB.baseUrl()).value(SOCKETS) > withAlice;
        assertNotEquals(aliceOnB, bobOnB, "the proxy put both sockets on one node");
        assertEquals(onB + 1, Metrics.scrape(nodeB.baseUrl()).value(SOCKETS));

        String ref =
            aliceSocket.send(
                "send_message", "{\"room_id\":\"" + room + "\",\"content\":\"via nginx\"}");
        String id = aliceSocket.reply(ref).getJsonObject("data").getString("id");
        bobSocket.await("new_message", d -> id.equals(d.getString("id")));

        String back =
            bobSocket.send(
                "send_message", "{\"room_id\":\"" + room + "\",\"content\":\"and back\"}");
        String answer = bobSocket.reply(back).getJsonObject("data").getString("id");
        aliceSocket.await("new_message", d -> answer.equals(d.getString("id")));
      }
    }
  }

  @Test
  void aClientThatSendsItsOwnForwardedForStillHasOneRateLimitBucket() {
    // nginx sets the header to the address it saw instead of appending to the client's, so a
    // fresh made-up address per request buys no fresh bucket.
    int answered = 0;
    int limited = 0;
    for (int attempt = 0; attempt < 31; attempt++) {
      int status =
          given()
              .baseUri(proxy.baseUrl())
              .header("X-Forwarded-For", Api.uniqueIp())
              .queryParam("username", "nobody_" + attempt)
              .get("/api/v1/auth/availability")
              .statusCode();
      if (status == 429) {
        limited++;
      } else {
        assertEquals(200, status);
        answered++;
      }
    }
    assertEquals(30, answered);
    assertEquals(1, limited);
  }

  /** A browser's handshake: same-origin Origin header, token in the subprotocol. */
  private static WsClient connectThroughProxy(TestUser user) {
    WsClient client =
        WsClient.open(
            URI.create(WsClient.wsUrl(proxy.baseUrl())),
            Map.of("Origin", proxy.baseUrl()),
            "bearer",
            user.accessToken());
    client.reply(client.send("ping", "{}"));
    return client;
  }

  private static io.restassured.specification.RequestSpecification asThroughProxy(TestUser user) {
    return Api.anonymous(proxy.baseUrl()).header("Authorization", "Bearer " + user.accessToken());
  }
}

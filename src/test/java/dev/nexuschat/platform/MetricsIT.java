package dev.nexuschat.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.Metrics;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * /metrics serves the application's and the runtime's metrics in Prometheus text, without a login.
 */
@NexusIT
class MetricsIT {
  private static final String SOCKETS = "nexus_connected_sockets";
  private static final String POSTED = "nexus_messages_posted_total";
  private static final String DELIVERIES = "nexus_deliveries_total";
  private static final String FAN_OUTS = "nexus_fanout_seconds_count";
  private static final String RATE_LIMITED = "nexus_ratelimit_rejections_total";

  private final String node = NexusServer.node().baseUrl();

  @Test
  void applicationAndRuntimeMetricsAreExposed() {
    Metrics metrics = Metrics.scrape(node);
    for (String name :
        List.of(
            SOCKETS,
            "nexus_local_delivery_backlog",
            "jvm_uptime_seconds",
            "memory_usedHeap_bytes",
            "thread_count")) {
      assertTrue(metrics.has(name), name + " missing from\n" + metrics.text());
    }
  }

  @Test
  void aPostedMessageCountsOnceAndItsDeliveriesAreCountedAndTimed() {
    TestUser alice = Api.newUser("metrics_alice");
    TestUser bob = Api.newUser("metrics_bob");
    String room = Api.newRoom(alice, bob);
    try (WsClient bobOnline = WsClient.connect(bob)) {
      Metrics before = Metrics.scrape(node);
      assertTrue(before.value(SOCKETS) >= 1, "bob's socket is counted");

      String id = Api.send(alice, room, "counted");
      bobOnline.await("new_message", d -> id.equals(d.getString("id")));

      assertEquals(
          before.value(POSTED) + 1, Metrics.awaitValue(node, POSTED, before.value(POSTED) + 1));
      assertTrue(
          Metrics.awaitValue(node, DELIVERIES, before.value(DELIVERIES) + 1)
              >= before.value(DELIVERIES) + 1);
      assertTrue(
          Metrics.awaitValue(node, FAN_OUTS, before.value(FAN_OUTS) + 1)
              >= before.value(FAN_OUTS) + 1);
      Metrics after = Metrics.scrape(node);
      assertTrue(
          after.has("nexus_fanout_seconds_bucket"),
          "fan-out latency is a histogram\n" + after.text());
    }
  }

  @Test
  void aRateLimitedRequestIsCounted() {
    double before = Metrics.scrape(node).value(RATE_LIMITED);
    String ip = Api.uniqueIp();
    int status = 0;
    // Login allows 5 attempts a minute per address; the 6th is refused.
    for (int attempt = 0; attempt < 6; attempt++) {
      status =
          given()
              .baseUri(node)
              .header("X-Forwarded-For", ip)
              .contentType(ContentType.JSON)
              .body(Map.of("email", "nobody@example.test", "password", "Wrong-Password-1"))
              .post("/api/v1/auth/login")
              .statusCode();
    }
    assertEquals(429, status);
    assertEquals(before + 1, Metrics.scrape(node).value(RATE_LIMITED));
  }
}

package dev.nexuschat.realtime;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.LibertyInstance;
import dev.nexuschat.testsupport.Metrics;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.StalledWsClient;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connections that misbehave and a Redis that goes away, on a node of their own with short
 * keep-alive intervals (1 s ping, 8 s idle limit) and a small per-connection queue (128 frames).
 */
@NexusIT
class ConnectionResilienceIT {
  private static final int QUEUE_FRAMES = 128;
  private static final String TOO_SLOW = "nexus_sockets_closed_too_slow_total";

  /**
   * Long enough that a busy machine's slowness between the stalled reader's pongs is no silence.
   */
  private static final long IDLE_SECONDS = 8;

  private static LibertyInstance node;

  @BeforeAll
  static void startNodeWithShortIntervals() {
    node =
        NexusServer.startAnotherNode(
            "node-resilience",
            Map.of(
                "NEXUS_WS_PING_SECONDS", "1",
                "NEXUS_WS_IDLE_TIMEOUT_SECONDS", Long.toString(IDLE_SECONDS),
                "NEXUS_WS_QUEUE_FRAMES", Integer.toString(QUEUE_FRAMES)));
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aClientThatAnswersPingsStaysConnectedAndOneThatDoesNotIsClosedAfterTheIdleLimit()
      throws IOException {
    TestUser quiet = Api.newUser("lc_quiet");
    TestUser lively = Api.newUser("lc_lively");
    try (StalledWsClient silent = StalledWsClient.connect(node.baseUrl(), quiet.accessToken());
        WsClient answering = WsClient.connect(node.baseUrl(), lively.accessToken())) {
      long opened = System.nanoTime();
      assertEquals(1001, silent.readUntilClose(Duration.ofSeconds(20)), "closed as silent");
      long silentFor = Duration.ofNanos(System.nanoTime() - opened).toMillis();
      assertTrue(
          silentFor >= IDLE_SECONDS * 1000 - 500,
          "closed by the idle limit, not earlier: " + silentFor + " ms");

      // Pings a second apart: the answering client has outlived the idle limit by pongs alone.
      answering.awaitPings((int) IDLE_SECONDS + 2);
      assertTrue(answering.isOpen());
      assertEquals("ack", answering.reply(answering.send("ping", "{}")).getString("event"));
    }
  }

  @Test
  void aReaderThatFallsAWholeQueueBehindIsClosedWith1008AndTheOthersAreNotHeldUp()
      throws IOException {
    TestUser typist = Api.newUser("sc_typist");
    TestUser stalled = Api.newUser("sc_stalled");
    TestUser watcher = Api.newUser("sc_watcher");
    // Typing never goes back to the typist, so the flood reaches only the stalled reader; the
    // watcher, in another room, shows whether delivery on this node goes on meanwhile.
    String flooded = Api.newRoom(typist, stalled);
    String elsewhere = Api.newRoom(typist, watcher);
    String start = "{\"event\":\"typing_start\",\"data\":{\"room_id\":\"" + flooded + "\"}}";
    String stop = "{\"event\":\"typing_stop\",\"data\":{\"room_id\":\"" + flooded + "\"}}";
    // ~7 MB of frames: more than the server's socket send buffer can grow to (tcp_wmem max, 4 MB
    // by default) plus the queue, so the reader falls behind however idle the machine is.
    int toggles = 25_000;
    double closedTooSlowBefore = Metrics.scrape(node.baseUrl()).value(TOO_SLOW);
    try (WsClient typing = WsClient.connect(node.baseUrl(), typist.accessToken());
        WsClient watching = WsClient.connect(node.baseUrl(), watcher.accessToken());
        StalledWsClient fallingBehind =
            StalledWsClient.connect(node.baseUrl(), stalled.accessToken())) {
      for (int i = 0; i < toggles; i++) {
        if (i % 250 == 0) {
          // Slow, not silent: the idle limit must not be what closes it.
          fallingBehind.sendPong();
        }
        typing.sendRaw(start);
        typing.sendRaw(stop);
      }
      // The reader wakes up as soon as the node has given up on it: the close frame waits behind
      // the frames already in the pipe, and Liberty gives that write only so long before it drops
      // the connection without one. Reading earlier could keep up and never overflow.
      assertEquals(
          closedTooSlowBefore + 1,
          Metrics.awaitValue(node.baseUrl(), TOO_SLOW, closedTooSlowBefore + 1),
          "the node gave up on the reader");
      CompletableFuture<Integer> closeCode =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return fallingBehind.readUntilClose(Duration.ofSeconds(15));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      String after = Api.send(typist, elsewhere, "after the flood");
      watching.await("new_message", d -> after.equals(d.getString("id")));
      assertTrue(typing.isOpen() && watching.isOpen());

      assertEquals(
          1008, closeCode.join(), "after reading " + fallingBehind.textFramesRead() + " frames");
      assertTrue(
          fallingBehind.textFramesRead() < 2 * toggles,
          "dropped before the end: read " + fallingBehind.textFramesRead() + " of " + 2 * toggles);
    }
  }

  @Test
  void withoutRedisANodeServesItsOwnSocketsReportsNotReadyAndRecoversByItself() throws IOException {
    TestUser alice = Api.newUser("ro_alice");
    TestUser bob = Api.newUser("ro_bob");
    String room = Api.newRoom(alice, bob);
    String sharedNode = NexusServer.node().baseUrl();
    String before = Api.send(alice, room, "before Redis goes away");
    String during;
    try (WsClient aliceOnShared = WsClient.connect(sharedNode, alice.accessToken());
        WsClient bobOnShared = WsClient.connect(sharedNode, bob.accessToken());
        WsClient bobElsewhere = WsClient.connect(node.baseUrl(), bob.accessToken())) {
      NexusServer.services().stopRedis();
      try {
        awaitReadiness(sharedNode, 503);
        during = sendMessage(aliceOnShared, room, "while Redis is away");
        bobOnShared.await("new_message", d -> during.equals(d.getString("id")));
      } finally {
        NexusServer.services().startRedis();
      }

      awaitReadiness(sharedNode, 200);
      awaitReadiness(node.baseUrl(), 200);
      // The nodes did not hear each other meanwhile (bobElsewhere never got "during"): every
      // socket open then is asked to reconnect and catch up.
      assertEquals(1012, bobElsewhere.awaitClose());
      assertEquals(1012, bobOnShared.awaitClose());
      assertEquals(1012, aliceOnShared.awaitClose());
    }
    // The catch-up a reconnecting client makes: what it missed is in history.
    Api.as(bob)
        .get("/api/v1/rooms/" + room + "/messages?after=" + before)
        .then()
        .statusCode(200)
        .body("messages.id", contains(during));
    try (WsClient aliceAgain = WsClient.connect(sharedNode, alice.accessToken());
        WsClient bobElsewhere = WsClient.connect(node.baseUrl(), bob.accessToken())) {
      String after = sendMessage(aliceAgain, room, "Redis is back");
      bobElsewhere.await("new_message", d -> after.equals(d.getString("id")));
    }
  }

  private static String sendMessage(WsClient client, String room, String content) {
    String ref =
        client.send(
            "send_message", "{\"room_id\":\"" + room + "\",\"content\":\"" + content + "\"}");
    return client.reply(ref).getJsonObject("data").getString("id");
  }

  private static void awaitReadiness(String baseUrl, int status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                given()
                    .baseUri(baseUrl)
                    .get("/health/ready")
                    .then()
                    .statusCode(status)
                    .body("status", equalTo(status == 200 ? "UP" : "DOWN")));
  }
}

package dev.nexuschat.realtime;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Accounts;
import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.LibertyInstance;
import dev.nexuschat.testsupport.Metrics;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.Readiness;
import dev.nexuschat.testsupport.StalledWsClient;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.Tokens;
import dev.nexuschat.testsupport.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connections that misbehave, big-room storms and a Redis that goes away, on a node of their own
 * with short keep-alive intervals (1 s ping, 8 s idle limit) and a small per-connection queue (128
 * frames).
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

  /** The typing flood below is about coalescing at slow readers: the typing limit is lifted. */
  @BeforeAll
  static void startNodeWithShortIntervals() {
    node =
        NexusServer.startAnotherNode(
            "node-resilience",
            Map.of(
                "NEXUS_WS_PING_SECONDS",
                "1",
                "NEXUS_WS_IDLE_TIMEOUT_SECONDS",
                Long.toString(IDLE_SECONDS),
                "NEXUS_WS_QUEUE_FRAMES",
                Integer.toString(QUEUE_FRAMES),
                "NEXUS_LIMIT_TYPING_BURST",
                "1000000"));
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
    TestUser sender = Api.newUser("sc_sender");
    TestUser stalled = Api.newUser("sc_stalled");
    TestUser watcher = Api.newUser("sc_watcher");
    // The watcher, in a room of its own, shows whether delivery on this node goes on meanwhile.
    String elsewhere = Api.newRoom(sender, watcher);
    // The flood is the stalled reader's own acks: history, so it counts toward the queue (typing
    // and presence are state and would only replace each other). A long ref makes each ack ~1 kB;
    // ~7 MB of them is more than the server's socket send buffer can grow to (tcp_wmem max, 4 MB
    // by default) plus the queue, so the reader falls behind however idle the machine is.
    String ping = "{\"event\":\"ping\",\"data\":{},\"ref\":\"" + "r".repeat(1000) + "\"}";
    int pings = 7_000;
    double closedTooSlowBefore = Metrics.scrape(node.baseUrl()).value(TOO_SLOW);
    try (WsClient watching = WsClient.connect(node.baseUrl(), watcher.accessToken());
        StalledWsClient fallingBehind =
            StalledWsClient.connect(node.baseUrl(), stalled.accessToken())) {
      // From another thread: once the node gives up, it stops reading too, and a write would
      // wait until the socket is dropped. It stops as soon as the node has given up: pings the
      // node has not read when it closes the socket make the kernel reset the connection, and a
      // reset throws away the close frame with what the reader had not read yet.
      AtomicBoolean gaveUp = new AtomicBoolean();
      CompletableFuture.runAsync(
          () -> {
            try {
              for (int i = 0; i < pings && !gaveUp.get(); i++) {
                fallingBehind.sendText(ping); // also a sign of life: not silent
              }
            } catch (IOException droppedAlready) {
              // the node gave up on the reader: what the test waits for below
            }
          });
      // The reader wakes up as soon as the node has given up on it: the close frame waits behind
      // the frames already in the pipe, and Liberty gives that write only so long before it drops
      // the connection without one. Reading earlier could keep up and never overflow.
      assertEquals(
          closedTooSlowBefore + 1,
          Metrics.awaitValue(node.baseUrl(), TOO_SLOW, closedTooSlowBefore + 1),
          "the node gave up on the reader");
      gaveUp.set(true);
      CompletableFuture<Integer> closeCode =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return fallingBehind.readUntilClose(Duration.ofSeconds(15));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      String after = Api.send(sender, elsewhere, "after the flood");
      watching.await("new_message", d -> after.equals(d.getString("id")));
      assertTrue(watching.isOpen());

      // 1008, unless pings still in flight when the node closed made the kernel reset the
      // connection (the counter above already shows the node closed it as too slow).
      assertTrue(
          List.of(1008, StalledWsClient.NO_CLOSE_FRAME).contains(closeCode.join()),
          "closed after reading " + fallingBehind.textFramesRead() + " frames");
      assertTrue(
          fallingBehind.textFramesRead() < pings,
          "dropped before the end: read " + fallingBehind.textFramesRead() + " of " + pings);
    }
  }

  /**
   * The connect storm of a big room (everyone reconnecting after a restart) next to readers that do
   * not keep up: presence and typing are state, so they replace each other in a slow reader's queue
   * instead of filling it, and what the reader finally reads is each user's last state.
   */
  @Test
  void aConnectStormAndATypingFloodCloseNoSlowReaderAndItEndsWithEveryonesLastState()
      throws Exception {
    int stormSize = 100;
    int leaving = 10;
    // 10 000 typing frames: far more than the 128-frame queue and the socket buffers hold, and
    // few enough that on a slow box the stalled readers start reading well within Liberty's 60 s
    // write timeout (25 000, each also a rate-limit round trip to Redis, took longer in CI).
    int toggles = 5_000;
    TestUser owner = Api.newUser("bs_owner");
    TestUser typist = Api.newUser("bs_typist");
    List<TestUser> slow = List.of(Api.newUser("bs_slow"), Api.newUser("bs_slow"));
    List<TestUser> storm = new ArrayList<>();
    for (int i = 0; i < stormSize; i++) {
      storm.add(signedInWithoutPassword("bs"));
    }
    List<TestUser> members = new ArrayList<>(storm);
    members.addAll(slow);
    String bigRoom = Api.newRoom(owner, members.toArray(TestUser[]::new));
    String typingRoom = Api.newRoom(typist, slow.toArray(TestUser[]::new));
    String start = "{\"event\":\"typing_start\",\"data\":{\"room_id\":\"" + typingRoom + "\"}}";
    String stop = "{\"event\":\"typing_stop\",\"data\":{\"room_id\":\"" + typingRoom + "\"}}";
    double closedTooSlowBefore = Metrics.scrape(node.baseUrl()).value(TOO_SLOW);

    List<StalledWsClient> stalled = new ArrayList<>();
    List<WsClient> stormClients = new ArrayList<>();
    ExecutorService connecting = Executors.newFixedThreadPool(16);
    ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
    try (WsClient watching = WsClient.connect(node.baseUrl(), owner.accessToken());
        WsClient typing = WsClient.connect(node.baseUrl(), typist.accessToken())) {
      for (TestUser user : slow) {
        stalled.add(StalledWsClient.connect(node.baseUrl(), user.accessToken()));
      }
      // Slow, not silent: the idle limit must not be what closes them.
      heartbeat.scheduleWithFixedDelay(
          () ->
              stalled.forEach(
                  client -> {
                    try {
                      client.sendPong();
                    } catch (IOException gone) {
                      // the assertions below report it
                    }
                  }),
          0,
          500,
          TimeUnit.MILLISECONDS);
      List<Future<WsClient>> opening = new ArrayList<>();
      for (TestUser user : storm) {
        opening.add(connecting.submit(() -> WsClient.connect(node.baseUrl(), user.accessToken())));
      }
      for (Future<WsClient> open : opening) {
        stormClients.add(open.get(60, TimeUnit.SECONDS));
      }
      // The stalled readers must start reading within Liberty's write timeout (60 s by default):
      // a write that times out closes the reader as too slow (Connection.writeFailed), which this
      // test would report. So the storm is 100, not 1000, on this loaded 2-core box.
      // After the storm, not during it: the node's 8 s idle limit is short for a 2-core box that
      // opens 100 sockets and reads 50 000 typing frames at the same time.
      for (int i = 0; i < toggles; i++) {
        typing.sendRaw(start);
        typing.sendRaw(stop);
      }
      // Frames of one socket are handled in order: with this ack, the last stop is published.
      typing.reply(typing.send("ping", "{}"));
      List<TestUser> leavers = storm.subList(0, leaving);
      for (int i = 0; i < leaving; i++) {
        stormClients.get(i).close();
      }
      for (TestUser leaver : leavers) {
        watching.await("user_offline", d -> leaver.id().equals(d.getString("user_id")));
      }
      String marker = Api.send(owner, bigRoom, "after the storm");

      for (StalledWsClient reader : stalled) {
        Map<String, String> lastPresence = new HashMap<>();
        String lastTyping = null;
        for (String text : reader.readTextUntil(t -> t.contains(marker), Duration.ofSeconds(30))) {
          JsonObject frame = Json.createReader(new StringReader(text)).readObject();
          String event = frame.getString("event");
          if (event.equals("user_online") || event.equals("user_offline")) {
            lastPresence.put(frame.getJsonObject("data").getString("user_id"), event);
          } else if (event.startsWith("user_") && event.endsWith("typing")) {
            lastTyping = event;
          }
        }
        for (TestUser user : storm) {
          assertEquals(
              leavers.contains(user) ? "user_offline" : "user_online",
              lastPresence.get(user.id()),
              "last presence of " + user.username());
        }
        assertEquals("user_stop_typing", lastTyping);
        assertNull(reader.streamProblem(), "seq without holes through the coalescing");
      }
      assertEquals(
          closedTooSlowBefore,
          Metrics.scrape(node.baseUrl()).value(TOO_SLOW),
          "no reader closed as too slow");
      assertTrue(stormClients.subList(leaving, stormSize).stream().allMatch(WsClient::isOpen));
    } finally {
      heartbeat.shutdownNow();
      connecting.shutdownNow();
      stormClients.forEach(WsClient::close);
      stalled.forEach(StalledWsClient::close);
    }
  }

  /** A user row by SQL and a token signed with the node's secret: no password hashing per user. */
  private static TestUser signedInWithoutPassword(String prefix) {
    String username = prefix + "_" + Accounts.token();
    String id = Accounts.insert(username, "User " + username);
    TestUser user = new TestUser(id, username, null, "User " + username, null, null);
    return new TestUser(id, username, null, user.displayName(), Tokens.forge(user), null);
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
        Readiness.await(sharedNode, 503);
        during = sendMessage(aliceOnShared, room, "while Redis is away");
        bobOnShared.await("new_message", d -> during.equals(d.getString("id")));
      } finally {
        NexusServer.services().startRedis();
      }

      Readiness.await(sharedNode, 200);
      Readiness.await(node.baseUrl(), 200);
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
}

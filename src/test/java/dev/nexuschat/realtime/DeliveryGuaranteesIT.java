package dev.nexuschat.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.LibertyInstance;
import dev.nexuschat.testsupport.Metrics;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A socket knows where its live stream starts ({@code ready}) and gets everything after it: the
 * client that connects while others post, on another node than theirs (so the node has to subscribe
 * to the room first), never misses a message for good.
 */
@NexusIT
class DeliveryGuaranteesIT {
  private static final int ROUNDS = 50;
  private static final int POSTERS = 3;
  private static final int MESSAGES_EACH = 10;
  private static final String ASKED_TO_CATCH_UP = "nexus_sockets_asked_to_catch_up_total";

  private static LibertyInstance nodeB;

  @BeforeAll
  static void startSecondNode() {
    nodeB = NexusServer.startAnotherNode("node-delivery", Map.of());
  }

  @AfterAll
  static void stopSecondNode() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @Test
  void aSocketThatConnectsWhileOthersPostGetsLiveEveryMessageAfterItsReadyPosition()
      throws Exception {
    TestUser listener = Api.newUser("dg_listener");
    List<TestUser> posters = new ArrayList<>();
    for (int i = 0; i < POSTERS; i++) {
      posters.add(Api.newUser("dg_poster"));
    }
    ExecutorService posting = Executors.newFixedThreadPool(POSTERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        List<TestUser> members = new ArrayList<>(posters);
        members.add(listener);
        String room = Api.newRoom(posters.get(0), members.toArray(TestUser[]::new));
        List<CompletableFuture<Void>> bursts = new ArrayList<>();
        for (TestUser poster : posters) {
          bursts.add(
              CompletableFuture.runAsync(
                  () -> {
                    for (int m = 0; m < MESSAGES_EACH; m++) {
                      Api.send(poster, room, poster.username() + " #" + m);
                    }
                  },
                  posting));
        }
        try (WsClient socket =
            WsClient.open(
                URI.create(WsClient.wsUrl(nodeB.baseUrl())),
                Map.of(),
                "bearer",
                listener.accessToken())) {
          JsonObject position = positionOf(socket.ready(), room);
          CompletableFuture.allOf(bursts.toArray(CompletableFuture[]::new)).join();

          List<String> history = history(listener, room);
          assertEquals(POSTERS * MESSAGES_EACH, history.size());
          String lastSeen =
              position.isNull("last_message_id") ? null : position.getString("last_message_id");
          int start = lastSeen == null ? 0 : history.indexOf(lastSeen) + 1;
          assertEquals(
              position.getJsonNumber("last_seq").longValue(),
              start,
              "round " + round + ": last_seq counts the messages up to last_message_id");
          for (String id : history.subList(start, history.size())) {
            socket.await("new_message", d -> id.equals(d.getString("id")));
          }
          // What the client shows: history up to ready's position, then the live stream.
          List<String> live =
              socket.received(f -> "new_message".equals(f.getString("event"))).stream()
                  .map(f -> f.getJsonObject("data").getString("id"))
                  .toList();
          assertEquals(live.size(), new HashSet<>(live).size(), "round " + round + ": twice");
          Set<String> shown = new HashSet<>(history.subList(0, start));
          shown.addAll(live);
          assertEquals(new HashSet<>(history), shown, "round " + round);
        }
      }
    } finally {
      posting.shutdownNow();
    }
  }

  @Test
  void readyListsEveryRoomOfTheUserWithItsPositionAndFramesSentBeforeItAreAnsweredAfterIt() {
    TestUser ann = Api.newUser("dg_ann");
    TestUser bob = Api.newUser("dg_bob");
    String quiet = Api.newRoom(ann, bob);
    String busy = Api.newRoom(ann, bob);
    Api.send(bob, busy, "one");
    String newest = Api.send(bob, busy, "two");

    try (WsClient socket =
        WsClient.open(
            URI.create(WsClient.wsUrl(nodeB.baseUrl())), Map.of(), "bearer", ann.accessToken())) {
      String ref = socket.send("ping", "{}"); // before ready: answered after it (WsClient checks)
      JsonObject ready = socket.ready().getJsonObject("data");
      socket.reply(ref);

      assertTrue(ready.getString("connection_id").length() > 0);
      assertEquals(2, ready.getJsonArray("rooms").size());
      JsonObject quietAt = positionOf(socket.ready(), quiet);
      assertTrue(quietAt.isNull("last_message_id"));
      assertEquals(0, quietAt.getJsonNumber("last_seq").longValue());
      JsonObject busyAt = positionOf(socket.ready(), busy);
      assertEquals(newest, busyAt.getString("last_message_id"));
      assertEquals(2, busyAt.getJsonNumber("last_seq").longValue());
    }
  }

  @Test
  void aClientIdRetryOfAMessageCommittedWithoutItsFanOutAnnouncesItAndDoesNotStoreItTwice() {
    TestUser ann = Api.newUser("dg_ann");
    TestUser bob = Api.newUser("dg_bob");
    String room = Api.newRoom(ann, bob);
    try (WsClient bobLive = WsClient.connect(nodeB.baseUrl(), bob.accessToken())) {
      // As if Ann's node died right after the commit: stored, never announced.
      String stored = committedWithoutFanOut(ann, room, "lost with its node", "retry-1");

      String answered =
          Api.as(ann)
              .body(Map.of("content", "lost with its node", "client_id", "retry-1"))
              .post("/api/v1/rooms/" + room + "/messages")
              .then()
              .statusCode(200)
              .extract()
              .path("id");

      assertEquals(stored, answered, "the retry is answered with the stored message");
      bobLive.await("new_message", d -> stored.equals(d.getString("id")));
      assertEquals(List.of(stored), history(bob, room));
    }
  }

  @Test
  void aSocketThatSawARoomSkipAMessageThatNeverCameIsAskedToCatchUp() {
    TestUser ann = Api.newUser("dg_ann");
    TestUser bob = Api.newUser("dg_bob");
    String room = Api.newRoom(ann, bob);
    double askedBefore = Metrics.scrape(nodeB.baseUrl()).value(ASKED_TO_CATCH_UP);
    try (WsClient bobLive = WsClient.connect(nodeB.baseUrl(), bob.accessToken())) {
      String lost = committedWithoutFanOut(ann, room, "never announced", "gap-1");
      String next = Api.send(ann, room, "the one after it");

      // Released after the hold, without the lost one: then Bob is told to catch up.
      bobLive.await("new_message", d -> next.equals(d.getString("id")));
      assertEquals(1012, bobLive.awaitClose());
      assertTrue(
          bobLive.received(f -> "new_message".equals(f.getString("event"))).stream()
              .noneMatch(f -> lost.equals(f.getJsonObject("data").getString("id"))));
    }
    assertTrue(Metrics.scrape(nodeB.baseUrl()).value(ASKED_TO_CATCH_UP) > askedBefore);
  }

  @Test
  void aClientIdRetryOfADeletedMessageDoesNotBringItBack() {
    TestUser ann = Api.newUser("dg_ann");
    TestUser bob = Api.newUser("dg_bob");
    String room = Api.newRoom(ann, bob);
    Map<String, String> draft = Map.of("content", "regretted", "client_id", "retry-2");
    String id =
        Api.as(ann)
            .body(draft)
            .post("/api/v1/rooms/" + room + "/messages")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as(ann).delete("/api/v1/rooms/" + room + "/messages/" + id).then().statusCode(204);

    try (WsClient bobLive = WsClient.connect(NexusServer.node().baseUrl(), bob.accessToken())) {
      Api.as(ann).body(draft).post("/api/v1/rooms/" + room + "/messages").then().statusCode(200);
      String after = Api.send(ann, room, "after the retry");

      bobLive.await("new_message", d -> after.equals(d.getString("id")));
      assertTrue(
          bobLive.received(f -> "new_message".equals(f.getString("event"))).stream()
              .noneMatch(f -> id.equals(f.getJsonObject("data").getString("id"))),
          "no new_message for the deleted one");
    }
  }

  @Test
  void theOpenApiDocumentDescribesWhereALiveStreamStartsAndHowFramesAreNumbered() {
    String description =
        Api.anonymous()
            .accept("application/json")
            .get("/openapi?format=JSON")
            .then()
            .statusCode(200)
            .extract()
            .path("info.description");

    assertTrue(description.contains("**`ready`** is the first frame"), description);
    assertTrue(description.contains("\"last_message_id\", \"last_seq\""), description);
    assertTrue(description.contains("**`seq`**"), description);
  }

  private static JsonObject positionOf(JsonObject ready, String room) {
    return ready.getJsonObject("data").getJsonArray("rooms").stream()
        .map(JsonObject.class::cast)
        .filter(r -> room.equals(r.getString("room_id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("ready does not list " + room + ": " + ready));
  }

  /** Stores a message the way a post does (next seq, room's newest), and announces nothing. */
  private static String committedWithoutFanOut(
      TestUser sender, String room, String content, String clientId) {
    UUID id = UUID.randomUUID();
    try (Connection db = NexusServer.services().openDatabase();
        PreparedStatement append =
            db.prepareStatement(
                """
                WITH room AS (
                  SELECT id, last_seq + 1 AS seq FROM rooms WHERE id = ? FOR UPDATE),
                message AS (
                  INSERT INTO messages (id, room_id, seq, sender_id, content, message_type,
                      client_id, is_edited, created_at, updated_at)
                  SELECT ?, room.id, room.seq, ?, ?, 'text', ?, false, now(), now() FROM room
                  RETURNING id, room_id, seq, created_at)
                UPDATE rooms SET last_seq = message.seq, last_message_id = message.id,
                    last_activity_at = message.created_at
                FROM message WHERE rooms.id = message.room_id""")) {
      append.setObject(1, UUID.fromString(room));
      append.setObject(2, id);
      append.setObject(3, UUID.fromString(sender.id()));
      append.setString(4, content);
      append.setString(5, clientId);
      assertEquals(1, append.executeUpdate());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return id.toString();
  }

  /** The room's messages, oldest first. */
  private static List<String> history(TestUser user, String room) {
    return Api.as(user)
        .get("/api/v1/rooms/" + room + "/messages?limit=100")
        .then()
        .statusCode(200)
        .extract()
        .path("messages.id");
  }
}

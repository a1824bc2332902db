package dev.nexuschat.platform;

import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Accounts;
import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.LibertyInstance;
import dev.nexuschat.testsupport.Metrics;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Per-user limits on authenticated work, at their shipped defaults: on a node of its own, because
 * the shared node raises the send and room-creation budgets for the ITs that drive load from one
 * user (see {@link NexusServer}). Each limit is a token bucket, so a burst passes and then one
 * token per refill interval: the checks allow for the refills that a slow machine's elapsed time
 * earns.
 */
@NexusIT
class UserLimitsIT {
  private static final String REJECTIONS = "nexus_ratelimit_rejections_total";

  private static LibertyInstance node;
  private static RedisClient redis;

  @BeforeAll
  static void startNodeWithDefaultLimits() {
    node = NexusServer.startAnotherNode("node-limits", Map.of());
    redis = RedisClient.create(URI.create(NexusServer.services().redisUrl()));
  }

  @AfterAll
  static void stopNode() {
    if (redis != null) {
      redis.close();
    }
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aBurstOfThirtySendsPassesAndTheNextIsRefusedWithRetryAfterAndNotStored() {
    TestUser alice = Api.newUser("ul_send");
    String room = Api.newRoom(alice);
    double rejectedBefore = rejections("send");

    Burst burst = untilRefused(() -> post(alice, room, "burst"));

    burst.assertWithinBucket(30, 1.0);
    assertRateLimited(burst.refusal(), 1);
    assertEquals(burst.passed(), StoredRows.visibleMessageIds(room).size(), "refused: not stored");
    assertEquals(rejectedBefore + 1, rejections("send"), "counted under bucket=send");
  }

  @Test
  void restAndWebSocketSendsShareOneBudget() {
    TestUser alice = Api.newUser("ul_shared");
    String room = Api.newRoom(alice);
    long started = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      post(alice, room, "rest " + i).then().statusCode(201);
    }
    try (WsClient socket = WsClient.connect(node.baseUrl(), alice.accessToken())) {
      int acked = 0;
      JsonObject refusal = null;
      while (refusal == null && acked < 100) {
        JsonObject reply =
            socket.reply(
                socket.send("send_message", "{\"room_id\":\"" + room + "\",\"content\":\"ws\"}"));
        if ("ack".equals(reply.getString("event"))) {
          acked++;
        } else {
          refusal = reply;
        }
      }
      new Burst(20 + acked, null, System.nanoTime() - started).assertWithinBucket(30, 1.0);
      assertNotNull(refusal, "the socket's sends hit the limit");
      JsonObject error = refusal.getJsonObject("data");
      assertEquals("error", refusal.getString("event"));
      assertEquals("RATE_LIMITED", error.getString("code"));
      long retry = error.getJsonNumber("retry_after_ms").longValue();
      assertTrue(retry > 0 && retry <= 1000, "retry_after_ms " + retry);
      long refused = System.nanoTime();
      // REST gets only the tokens that came back since, not a budget of its own.
      Burst rest = untilRefused(() -> post(alice, room, "and over REST"));
      long refills = (long) Math.ceil((System.nanoTime() - refused) / 1e9);
      assertTrue(rest.passed() <= refills, rest.passed() + " passed, " + refills + " refills");
      assertRateLimited(rest.refusal(), 1);
      assertEquals(20 + acked + rest.passed(), StoredRows.visibleMessageIds(room).size());
    }
  }

  @Test
  void aTypingFloodIsCutAndTypingWithoutARefIsDroppedWithoutAnError() {
    TestUser typist = Api.newUser("ul_typist");
    String room = Api.newRoom(typist);
    String start = "{\"room_id\":\"" + room + "\"}";
    double rejectedBefore = rejections("typing");
    try (WsClient socket = WsClient.connect(node.baseUrl(), typist.accessToken())) {
      long started = System.nanoTime();
      List<String> refs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        refs.add(socket.send("typing_start", start));
      }
      List<JsonObject> replies = refs.stream().map(socket::reply).toList();
      long acked = replies.stream().filter(r -> "ack".equals(r.getString("event"))).count();
      new Burst((int) acked, null, System.nanoTime() - started).assertWithinBucket(10, 2.0);
      JsonObject refused =
          replies.stream().filter(r -> "error".equals(r.getString("event"))).findFirst().get();
      assertEquals("RATE_LIMITED", refused.getJsonObject("data").getString("code"));
      assertTrue(refused.getJsonObject("data").getJsonNumber("retry_after_ms").longValue() > 0);

      double rejectedBeforeFlood = rejections("typing");
      long flood = System.nanoTime();
      for (int i = 0; i < 200; i++) {
        socket.sendRaw("{\"event\":\"typing_start\",\"data\":" + start + "}");
      }
      // Frames of one socket are handled in order: after this ack, the flood has been.
      socket.reply(socket.send("ping", "{}"));
      long refills = (long) Math.ceil((System.nanoTime() - flood) / 1e9 * 2.0);
      Predicate<JsonObject> errorWithoutRef =
          f -> "error".equals(f.getString("event")) && !f.containsKey("ref");
      assertEquals(List.of(), socket.received(errorWithoutRef), "no error spam for typing");
      assertEquals(rejectedBefore + 40 - acked, rejectedBeforeFlood, "refused typing is counted");
      assertTrue(
          rejections("typing") >= rejectedBeforeFlood + 200 - refills,
          "dropped typing is counted too");
    }
  }

  @Test
  void groupRoomsAndDirectConversationsShareTheRoomCreationBudget() {
    TestUser creator = Api.newUser("ul_creator");
    List<String> peers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      peers.add(Accounts.insert("ul_peer_" + Accounts.token(), "Peer " + i));
    }
    long started = System.nanoTime();
    for (String peer : peers) {
      as(creator)
          .body(Map.of("is_direct", true, "member_ids", List.of(peer)))
          .post("/api/v1/rooms")
          .then()
          .statusCode(201);
    }
    Burst burst =
        untilRefused(() -> as(creator).body(Map.of("name", "room")).post("/api/v1/rooms"));

    new Burst(burst.passed() + 5, null, System.nanoTime() - started)
        .assertWithinBucket(20, 1 / 60.0);
    assertRateLimited(burst.refusal(), 60);
    assertRateLimited(
        as(creator)
            .body(Map.of("is_direct", true, "member_ids", List.of(peers.get(0))))
            .post("/api/v1/rooms"),
        60);
  }

  @Test
  void memberAddsAreLimitedPerAdderAndAnotherAdminOfTheRoomMayStillAdd() {
    TestUser owner = Api.newUser("ul_owner");
    TestUser admin = Api.newUser("ul_admin");
    String room = Api.newRoom(owner, admin);
    as(owner)
        .body(Map.of("role", "admin"))
        .patch("/api/v1/rooms/" + room + "/members/" + admin.id())
        .then()
        .statusCode(200);
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      people.add(Accounts.insert("ul_m_" + Accounts.token(), "Member " + i));
    }
    int[] next = {0};
    Burst burst = untilRefused(() -> addMember(owner, room, people.get(next[0]++)));

    burst.assertWithinBucket(50, 10 / 60.0);
    assertRateLimited(burst.refusal(), 6);
    String refusedOne = people.get(next[0] - 1);
    assertEquals(
        0,
        StoredRows.count(
            "SELECT COUNT(*) FROM room_members WHERE room_id = ? AND user_id = ?",
            room,
            refusedOne));
    addMember(admin, room, refusedOne).then().statusCode(201);
  }

  @Test
  void aUserCanBeAddedToAHundredRoomsAnHourByOthersThenNoMore() {
    TestUser target = Api.newUser("ul_target");
    List<TestUser> adders = new ArrayList<>();
    long started = System.nanoTime();
    int added = 0;
    Response refusal = null;
    while (refusal == null && added < 200) {
      if (added % 20 == 0) {
        adders.add(Api.newUser("ul_adder")); // a room-creation budget of its own
      }
      Response created =
          as(adders.get(adders.size() - 1))
              .body(Map.of("name", "spam " + added, "member_ids", List.of(target.id())))
              .post("/api/v1/rooms");
      if (created.statusCode() == 201) {
        added++;
      } else {
        refusal = created;
      }
    }
    new Burst(added, refusal, System.nanoTime() - started).assertWithinBucket(100, 100 / 3600.0);
    assertRateLimited(refusal, 36);

    TestUser fresh = Api.newUser("ul_fresh");
    String roomOfFresh = Api.newRoom(fresh);
    assertRateLimited(addMember(fresh, roomOfFresh, target.id()), 36);
    assertRateLimited(
        as(fresh)
            .body(Map.of("is_direct", true, "member_ids", List.of(target.id())))
            .post("/api/v1/rooms"),
        36);
    assertEquals(
        added,
        StoredRows.count("SELECT COUNT(*) FROM room_members WHERE user_id = ?", target.id()));
    // Being spam-added does not stop the target: rooms they create are not "added by others".
    as(target).body(Map.of("name", "mine")).post("/api/v1/rooms").then().statusCode(201);
    // And a room without them can still be made by the others.
    as(fresh).body(Map.of("name", "no target")).post("/api/v1/rooms").then().statusCode(201);
  }

  @Test
  void searchIsLimitedPerUserAndAnotherUserIsNotAffected() {
    TestUser searcher = Api.newUser("ul_search");
    Burst burst = untilRefused(() -> search(searcher));

    burst.assertWithinBucket(30, 1.0);
    assertRateLimited(burst.refusal(), 1);
    search(Api.newUser("ul_other")).then().statusCode(200);
  }

  /**
   * The bucket lives in Redis, keyed by user id: after a burst on this node the shared node lets
   * the same user through only as tokens come back, not a burst of its own.
   */
  @Test
  void theSearchBudgetIsSharedWithOtherNodesThroughRedis() {
    TestUser searcher = Api.newUser("ul_nodes");
    Supplier<Response> onTheSharedNode =
        () -> Api.as(searcher).queryParam("q", "ul").get("/api/v1/users/search");
    // Warm the shared node's search path, so its first answer is not slower than a refill.
    Api.as(Api.newUser("ul_warm")).queryParam("q", "ul").get("/api/v1/users/search");
    untilRefused(() -> search(searcher));
    long exhausted = System.nanoTime();
    String key = "nexus:ratelimit:search:" + searcher.id();
    assertTrue(redis.pttl(key) > 0, "the bucket is in Redis with an expiry");

    Burst shared = untilRefused(onTheSharedNode);
    long refills = (long) Math.ceil((System.nanoTime() - exhausted) / 1e9);
    assertTrue(
        shared.passed() <= refills,
        shared.passed() + " passed on the shared node, " + refills + " refills earned");
    assertRateLimited(shared.refusal(), 1);
    // The bucket ends (here: the key goes) and the user may search again, on either node.
    redis.del(key);
    onTheSharedNode.get().then().statusCode(200);
  }

  @Test
  void theTwentyFirstSocketOfOneUserIsRefusedWith429BeforeTheUpgrade() {
    TestUser user = Api.newUser("ul_sockets");
    List<WsClient> sockets = new ArrayList<>();
    URI ws = URI.create(WsClient.wsUrl(node.baseUrl()));
    try {
      for (int i = 0; i < 20; i++) {
        sockets.add(WsClient.connect(node.baseUrl(), user.accessToken()));
      }
      assertEquals(429, WsClient.handshakeStatus(ws, Map.of(), "bearer", user.accessToken()));
      // Another user is not affected.
      assertEquals(
          101,
          WsClient.handshakeStatus(ws, Map.of(), "bearer", Api.newUser("ul_else").accessToken()));

      sockets.remove(0).close();
      long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
      int status = 429;
      while (status == 429 && System.nanoTime() < deadline) {
        // the server unregisters the closed socket as soon as it has the close frame
        status = WsClient.handshakeStatus(ws, Map.of(), "bearer", user.accessToken());
      }
      assertEquals(101, status, "a closed socket frees its place");
    } finally {
      sockets.forEach(WsClient::close);
    }
  }

  @Test
  void theOpenApiDocumentListsTheRefusalWithItsRetryAfterOnEveryLimitedOperation() {
    io.restassured.path.json.JsonPath document =
        Api.anonymous(node.baseUrl())
            .accept("application/json")
            .get("/openapi?format=JSON")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    for (String operation :
        List.of(
            "'/api/v1/rooms/{roomId}/messages'.post",
            "'/api/v1/users/search'.get",
            "'/api/v1/rooms'.post",
            "'/api/v1/rooms/{roomId}/members'.post",
            "'/api/v1/rooms/{roomId}/messages/{messageId}/reactions/{emoji}'.put",
            "'/api/v1/rooms/{roomId}/messages/{messageId}/reactions/{emoji}'.delete",
            "'/api/v1/rooms/{roomId}/uploads'.post")) {
      String refusal = "paths." + operation + ".responses.'429'";
      assertNotNull(document.get(refusal), operation + " documents 429");
      assertNotNull(document.get(refusal + ".headers.'Retry-After'"), operation + ": Retry-After");
    }
  }

  @Test
  void aBurstOfSixtyReactionsPassesAndTheNextIsRefusedChangingNothing() {
    TestUser alice = Api.newUser("ul_react");
    String room = Api.newRoom(alice);
    String message = Api.send(alice, room, "react to me");
    String reaction = "/api/v1/rooms/" + room + "/messages/" + message + "/reactions/%F0%9F%91%8D";
    double rejectedBefore = rejections("react");
    AtomicInteger clicks = new AtomicInteger();

    // PUT and DELETE share the budget: a user clicking a chip on and off.
    Burst burst =
        untilRefused(
            () ->
                clicks.getAndIncrement() % 2 == 0
                    ? as(alice).urlEncodingEnabled(false).put(reaction)
                    : as(alice).urlEncodingEnabled(false).delete(reaction));

    burst.assertWithinBucket(60, 1.0);
    assertRateLimited(burst.refusal(), 1);
    assertEquals(
        burst.passed() % 2,
        StoredRows.count("SELECT COUNT(*) FROM message_reactions WHERE message_id = ?", message),
        "the refused click changed nothing");
    assertEquals(rejectedBefore + 1, rejections("react"), "counted under bucket=react");
  }

  @Test
  void aBurstOfFiftyUploadSlotsPassesAndTheNextIsRefusedStoringNothing() {
    TestUser alice = Api.newUser("ul_upload");
    String room = Api.newRoom(alice);
    double rejectedBefore = rejections("upload");

    Burst burst =
        untilRefused(
            () ->
                as(alice)
                    .body(Map.of("filename", "notes.txt", "size", 10))
                    .post("/api/v1/rooms/" + room + "/uploads"));

    // 100 an hour: no refill inside a test's seconds
    burst.assertWithinBucket(50, 100 / 3600.0);
    assertRateLimited(burst.refusal(), 36); // one slot every 36 s
    assertEquals(
        burst.passed(),
        StoredRows.count("SELECT COUNT(*) FROM uploads WHERE uploader_id = ?", alice.id()),
        "the refused slot was not stored");
    assertEquals(rejectedBefore + 1, rejections("upload"), "counted under bucket=upload");
  }

  /** Sends until the first refusal (at most 300 tries), timing the whole run. */
  private static Burst untilRefused(Supplier<Response> request) {
    long started = System.nanoTime();
    int passed = 0;
    while (passed < 300) {
      Response response = request.get();
      if (response.statusCode() == 429) {
        return new Burst(passed, response, System.nanoTime() - started);
      }
      assertTrue(response.statusCode() < 300, "status " + response.statusCode());
      passed++;
    }
    throw new AssertionError("300 requests and no refusal");
  }

  /** How many passed before the first refusal, and how long that took. */
  private record Burst(int passed, Response refusal, long elapsedNanos) {
    /**
     * A token bucket lets {@code burst} through at once, and one more per refill interval that
     * passed meanwhile.
     */
    void assertWithinBucket(int burst, double perSecond) {
      long refills = (long) Math.ceil(elapsedNanos / 1e9 * perSecond);
      assertTrue(
          passed >= burst && passed <= burst + refills,
          passed + " passed in " + elapsedNanos / 1_000_000 + " ms; burst " + burst);
    }
  }

  private static void assertRateLimited(Response response, int maxRetrySeconds) {
    assertNotNull(response, "refused");
    assertProblem(response, 429, "RATE_LIMITED");
    int retryAfter = Integer.parseInt(response.header("Retry-After"));
    assertTrue(
        retryAfter >= 1 && retryAfter <= maxRetrySeconds,
        "Retry-After " + retryAfter + ", at most " + maxRetrySeconds);
  }

  private static RequestSpecification as(TestUser user) {
    return Api.anonymous(node.baseUrl()).header("Authorization", "Bearer " + user.accessToken());
  }

  private static Response post(TestUser sender, String room, String content) {
    return as(sender).body(Map.of("content", content)).post("/api/v1/rooms/" + room + "/messages");
  }

  private static Response addMember(TestUser adder, String room, String userId) {
    return as(adder).body(Map.of("user_id", userId)).post("/api/v1/rooms/" + room + "/members");
  }

  private static Response search(TestUser searcher) {
    return as(searcher).queryParam("q", "ul").get("/api/v1/users/search");
  }

  /** The node's rejections under one bucket label. */
  private static double rejections(String bucket) {
    Matcher sample =
        Pattern.compile(
                "(?m)^"
                    + REJECTIONS
                    + "\\{[^}]*bucket=\""
                    + Pattern.quote(bucket)
                    + "\"[^}]*\\}\\s+(\\S+)")
            .matcher(Metrics.scrape(node.baseUrl()).text());
    return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
  }
}

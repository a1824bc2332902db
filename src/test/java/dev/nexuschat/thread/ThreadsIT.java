package dev.nexuschat.thread;

import static dev.nexuschat.testsupport.Problems.assertInvalid;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.EmbeddedNode;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Threads: a reply (and a reply to a reply) lands in its root's thread, the root counts its replies
 * through posts and deletes, the thread pages by keyset, repliers, root authors and the mentioned
 * follow it, read positions count unread replies, a removed member stops seeing the room's threads,
 * and {@code thread_updated} reaches the room's sockets. The rules run on both databases
 * (PostgreSQL's append counts in triggers, H2's in the entity path).
 */
@NexusIT
@ExtendWith(EmbeddedNode.class)
class ThreadsIT {
  private static final String UNKNOWN_ID = "0190f1a2-0000-7000-8000-000000000000";

  private static String baseUrl(String database) {
    return EmbeddedNode.baseUrl(database);
  }

  private static RequestSpecification on(String database, TestUser user) {
    return RestAssured.given()
        .baseUri(baseUrl(database))
        .header("X-Forwarded-For", Api.uniqueIp())
        .header("Authorization", "Bearer " + user.accessToken())
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  /** A cast and a room of theirs on one database. */
  record Scene(String db, String room, TestUser alice, TestUser bob, TestUser carol) {}

  private static Scene scene(String database) {
    TestUser alice = Api.newUser(baseUrl(database), "alice");
    TestUser bob = Api.newUser(baseUrl(database), "bob");
    TestUser carol = Api.newUser(baseUrl(database), "carol");
    String room = Api.newRoom(baseUrl(database), alice, bob, carol);
    return new Scene(database, room, alice, bob, carol);
  }

  private static String post(Scene s, TestUser sender, String content) {
    return Api.send(baseUrl(s.db()), sender, s.room(), content);
  }

  private static JsonPath reply(Scene s, TestUser sender, String parent, String content) {
    return on(s.db(), sender)
        .body(Map.of("content", content, "parent_id", parent))
        .post("/api/v1/rooms/" + s.room() + "/messages")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private static String threadPath(Scene s, String message) {
    return "/api/v1/rooms/" + s.room() + "/messages/" + message + "/thread";
  }

  private static JsonPath thread(Scene s, TestUser user, String message) {
    return on(s.db(), user).get(threadPath(s, message)).then().statusCode(200).extract().jsonPath();
  }

  private static JsonPath threads(Scene s, TestUser user) {
    return on(s.db(), user).get("/api/v1/threads").then().statusCode(200).extract().jsonPath();
  }

  private static Map<String, Object> historyItem(Scene s, TestUser user, String id) {
    List<Map<String, Object>> messages =
        on(s.db(), user)
            .get("/api/v1/rooms/" + s.room() + "/messages")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("messages");
    return messages.stream().filter(m -> id.equals(m.get("id"))).findFirst().orElseThrow();
  }

  /** The caller's followed thread of this root in GET /threads, or null. */
  private static Map<String, Object> listed(Scene s, TestUser user, String root) {
    List<Map<String, Object>> items = threads(s, user).getList("threads");
    return items.stream()
        .filter(t -> root.equals(((Map<?, ?>) t.get("root")).get("id")))
        .findFirst()
        .orElse(null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void aReplyToAReplyLandsInTheRootsThreadAndStaysInTheTimeline(String database) {
    Scene s = scene(database);
    String root = post(s, s.alice(), "root");
    JsonPath first = reply(s, s.bob(), root, "first reply");
    assertThat(first.getString("thread_root_id")).isEqualTo(root);
    assertThat(first.getString("parent_id")).isEqualTo(root);
    JsonPath second = reply(s, s.carol(), first.getString("id"), "a reply to the reply");
    assertThat(second.getString("thread_root_id")).isEqualTo(root);
    assertThat(second.getString("parent.id")).isEqualTo(first.getString("id"));

    JsonPath page = thread(s, s.alice(), second.getString("id")); // a reply names its thread
    assertThat(page.getString("root.id")).isEqualTo(root);
    assertThat(page.getInt("root.reply_count")).isEqualTo(2);
    assertThat(page.getString("root.last_reply_at")).isNotNull();
    assertThat(page.getList("replies.id", String.class))
        .containsExactly(first.getString("id"), second.getString("id"));
    assertThat(page.getString("next_cursor")).isNull();
    assertThat(page.getBoolean("has_more")).isFalse();

    Map<String, Object> inHistory = historyItem(s, s.alice(), root);
    assertThat(inHistory.get("reply_count")).isEqualTo(2);
    assertThat(inHistory.get("last_reply_at")).isEqualTo(page.getString("root.last_reply_at"));
    assertThat(inHistory.get("thread_root_id")).isNull();
    assertThat(historyItem(s, s.alice(), second.getString("id")).get("thread_root_id"))
        .isEqualTo(root);
    Map<String, Object> plain = historyItem(s, s.alice(), post(s, s.bob(), "no thread"));
    assertThat(plain.get("reply_count")).isEqualTo(0);
    assertThat(plain.get("last_reply_at")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void countsFollowEditsAndDeletes(String database) {
    Scene s = scene(database);
    String root = post(s, s.alice(), "root");
    String one = reply(s, s.bob(), root, "one").getString("id");
    String two = reply(s, s.carol(), one, "two").getString("id");
    String lastAt = thread(s, s.alice(), root).getString("root.last_reply_at");

    on(s.db(), s.carol())
        .body(Map.of("content", "two, edited"))
        .patch("/api/v1/rooms/" + s.room() + "/messages/" + two)
        .then()
        .statusCode(200)
        .body("thread_root_id", org.hamcrest.Matchers.equalTo(root));
    JsonPath edited = thread(s, s.alice(), root);
    assertThat(edited.getInt("root.reply_count")).isEqualTo(2);
    assertThat(edited.getString("replies[1].content")).isEqualTo("two, edited");

    String oneAt = edited.getString("replies[0].created_at");
    on(s.db(), s.carol())
        .delete("/api/v1/rooms/" + s.room() + "/messages/" + two)
        .then()
        .statusCode(204);
    JsonPath afterDelete = thread(s, s.alice(), root);
    assertThat(afterDelete.getInt("root.reply_count")).isEqualTo(1);
    assertThat(afterDelete.getList("replies.id", String.class)).containsExactly(one);
    assertThat(afterDelete.getString("root.last_reply_at")).isEqualTo(oneAt);
    assertThat(lastAt).isNotNull();

    // the owner deletes the last one: nothing left to count
    on(s.db(), s.alice())
        .delete("/api/v1/rooms/" + s.room() + "/messages/" + one)
        .then()
        .statusCode(204);
    JsonPath empty = thread(s, s.alice(), root);
    assertThat(empty.getInt("root.reply_count")).isEqualTo(0);
    assertThat(empty.getString("root.last_reply_at")).isNull();
    assertThat(empty.getList("replies")).isEmpty();
    assertThat(listed(s, s.alice(), root)).isNull(); // no reply left to list it by
    // a deleted reply no longer names a thread
    assertProblem(on(s.db(), s.alice()).get(threadPath(s, one)), 404, "NOT_FOUND");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void threadPagesByKeysetOldestFirst(String database) {
    Scene s = scene(database);
    String root = post(s, s.alice(), "root");
    List<String> sent = new ArrayList<>();
    String parent = root;
    for (int i = 0; i < 7; i++) {
      parent = reply(s, i % 2 == 0 ? s.bob() : s.carol(), parent, "reply " + i).getString("id");
      sent.add(parent);
      post(s, s.alice(), "in the timeline between " + i); // not part of the thread
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      RequestSpecification request = on(s.db(), s.bob()).queryParam("limit", 3);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get(threadPath(s, root)).then().statusCode(200).extract().jsonPath();
      assertThat(page.getString("root.id")).isEqualTo(root);
      seen.addAll(page.getList("replies.id", String.class));
      cursor = page.getString("next_cursor");
      assertThat(page.getBoolean("has_more")).isEqualTo(cursor != null);
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(seen).containsExactlyElementsOf(sent);
    assertThat(pages).isEqualTo(3);
    // above the maximum is clamped, like history
    assertThat(
            on(s.db(), s.bob())
                .queryParam("limit", 100000)
                .get(threadPath(s, root))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("replies"))
        .hasSize(7);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void repliersRootAuthorsAndTheMentionedFollowAndCountUnread(String database) {
    Scene s = scene(database);
    String root = post(s, s.alice(), "root by alice");
    assertThat(listed(s, s.alice(), root)).isNull();
    reply(s, s.bob(), root, "bob replies");

    // alice (the root's author) follows with bob's reply unread; bob has read his own
    Map<String, Object> alices = listed(s, s.alice(), root);
    assertThat(alices).isNotNull();
    assertThat(alices.get("unread_count")).isEqualTo(1);
    assertThat(alices.get("room_id")).isEqualTo(s.room());
    assertThat(threads(s, s.alice()).getInt("total_unread_count")).isEqualTo(1);
    assertThat(threads(s, s.alice()).getInt("unread_threads")).isEqualTo(1);
    assertThat(listed(s, s.bob(), root).get("unread_count")).isEqualTo(0);
    assertThat(listed(s, s.carol(), root)).isNull(); // carol takes no part

    // carol is mentioned in a reply: she follows, that reply unread
    reply(s, s.bob(), root, "what do you think @" + s.carol().username() + "?");
    assertThat(listed(s, s.carol(), root).get("unread_count")).isEqualTo(1);
    assertThat(listed(s, s.alice(), root).get("unread_count")).isEqualTo(2);
    assertThat(thread(s, s.alice(), root).getInt("unread_count")).isEqualTo(2);
    assertThat(thread(s, s.alice(), root).getBoolean("following")).isTrue();

    // reading up to the first reply leaves one; reading all leaves none, and never goes back
    String firstReply = thread(s, s.alice(), root).getString("replies[0].id");
    on(s.db(), s.alice())
        .body(Map.of("message_id", firstReply))
        .post(threadPath(s, root) + "/read")
        .then()
        .statusCode(200)
        .body("unread_count", org.hamcrest.Matchers.equalTo(1))
        .body("following", org.hamcrest.Matchers.equalTo(true))
        .body("root_id", org.hamcrest.Matchers.equalTo(root));
    on(s.db(), s.alice())
        .post(threadPath(s, root) + "/read")
        .then()
        .statusCode(200)
        .body("unread_count", org.hamcrest.Matchers.equalTo(0))
        .body("total_unread_count", org.hamcrest.Matchers.equalTo(0));
    on(s.db(), s.alice())
        .body(Map.of("message_id", root))
        .post(threadPath(s, root) + "/read")
        .then()
        .statusCode(200)
        .body("unread_count", org.hamcrest.Matchers.equalTo(0));

    // unfollowed: its replies count no more, and a new reply by someone else does not re-follow
    on(s.db(), s.alice())
        .delete(threadPath(s, root) + "/follow")
        .then()
        .statusCode(200)
        .body("following", org.hamcrest.Matchers.equalTo(false));
    on(s.db(), s.alice()).delete(threadPath(s, root) + "/follow").then().statusCode(200);
    reply(s, s.carol(), root, "carol replies");
    assertThat(listed(s, s.alice(), root)).isNull();
    assertThat(threads(s, s.alice()).getInt("total_unread_count")).isEqualTo(0);

    // following again by hand counts only what comes after
    on(s.db(), s.alice())
        .put(threadPath(s, root) + "/follow")
        .then()
        .statusCode(200)
        .body("following", org.hamcrest.Matchers.equalTo(true))
        .body("unread_count", org.hamcrest.Matchers.equalTo(0));
    on(s.db(), s.alice()).put(threadPath(s, root) + "/follow").then().statusCode(200);
    reply(s, s.bob(), root, "one more");
    assertThat(listed(s, s.alice(), root).get("unread_count")).isEqualTo(1);

    // replying after an unfollow follows again, read up to the reply
    on(s.db(), s.carol()).delete(threadPath(s, root) + "/follow").then().statusCode(200);
    reply(s, s.carol(), root, "carol again");
    assertThat(listed(s, s.carol(), root).get("unread_count")).isEqualTo(0);
    // a deleted unread reply is not unread any more
    String gone = reply(s, s.bob(), root, "soon gone").getString("id");
    assertThat(listed(s, s.alice(), root).get("unread_count")).isEqualTo(3);
    on(s.db(), s.bob())
        .delete("/api/v1/rooms/" + s.room() + "/messages/" + gone)
        .then()
        .statusCode(204);
    assertThat(listed(s, s.alice(), root).get("unread_count")).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void anEditThatMentionsSomeoneInAReplyMakesThemFollow(String database) {
    Scene s = scene(database);
    String root = post(s, s.alice(), "root");
    String replyId = reply(s, s.bob(), root, "no one named yet").getString("id");
    assertThat(listed(s, s.carol(), root)).isNull();
    on(s.db(), s.bob())
        .body(Map.of("content", "now naming @" + s.carol().username()))
        .patch("/api/v1/rooms/" + s.room() + "/messages/" + replyId)
        .then()
        .statusCode(200);
    Map<String, Object> carols = listed(s, s.carol(), root);
    assertThat(carols).isNotNull();
    assertThat(carols.get("unread_count")).isEqualTo(1); // the reply that names her
    // a mention in a root is not a thread to follow
    String plain = post(s, s.alice(), "hello @" + s.carol().username());
    reply(s, s.bob(), plain, "a reply");
    assertThat(listed(s, s.carol(), plain)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void followedThreadsListMostRecentReplyFirstAcrossPages(String database) {
    Scene s = scene(database);
    List<String> roots = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String root = post(s, s.alice(), "root " + i);
      reply(s, s.bob(), root, "reply to " + i);
      roots.add(root);
    }
    reply(s, s.carol(), roots.get(1), "root 1 moves to the top");
    List<String> expected = new ArrayList<>(List.of(roots.get(1)));
    for (int i = 4; i >= 0; i--) {
      if (i != 1) {
        expected.add(roots.get(i));
      }
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      RequestSpecification request = on(s.db(), s.alice()).queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get("/api/v1/threads").then().statusCode(200).extract().jsonPath();
      seen.addAll(page.getList("threads.root.id", String.class));
      assertThat(page.getInt("total_unread_count")).isEqualTo(6);
      cursor = page.getString("next_cursor");
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void aRemovedMemberStopsSeeingTheRoomsThreads(String database) {
    Scene s = scene(database);
    String root = post(s, s.carol(), "root by carol");
    String replyId = reply(s, s.bob(), root, "bob replies").getString("id");
    assertThat(listed(s, s.carol(), root)).isNotNull();
    on(s.db(), s.alice())
        .delete("/api/v1/rooms/" + s.room() + "/members/" + s.carol().id())
        .then()
        .statusCode(204);
    assertThat(listed(s, s.carol(), root)).isNull();
    assertThat(threads(s, s.carol()).getInt("total_unread_count")).isEqualTo(0);
    assertProblem(on(s.db(), s.carol()).get(threadPath(s, root)), 403, "FORBIDDEN");
    assertProblem(on(s.db(), s.carol()).get(threadPath(s, replyId)), 403, "FORBIDDEN");
    assertProblem(on(s.db(), s.carol()).put(threadPath(s, root) + "/follow"), 403, "FORBIDDEN");
    assertProblem(on(s.db(), s.carol()).delete(threadPath(s, root) + "/follow"), 403, "FORBIDDEN");
    assertProblem(on(s.db(), s.carol()).post(threadPath(s, root) + "/read"), 403, "FORBIDDEN");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void badInputGetsTheRightProblem(String database) {
    Scene s = scene(database);
    Scene other = new Scene(database, Api.newRoom(baseUrl(database), s.alice()), null, null, null);
    String root = post(s, s.alice(), "root");
    String replyId = reply(s, s.bob(), root, "a reply").getString("id");
    String elsewhere = post(other, s.alice(), "in another room");
    String unthreaded = post(s, s.bob(), "not in the thread");
    RequestSpecification alice = on(s.db(), s.alice());

    assertInvalid(
        on(s.db(), s.alice()).queryParam("cursor", "nope").get(threadPath(s, root)), "cursor");
    assertInvalid(
        on(s.db(), s.alice()).queryParam("cursor", unthreaded).get(threadPath(s, root)), "cursor");
    assertInvalid(
        on(s.db(), s.alice()).queryParam("cursor", UNKNOWN_ID).get(threadPath(s, root)), "cursor");
    assertInvalid(on(s.db(), s.alice()).queryParam("limit", 0).get(threadPath(s, root)), "limit");
    assertInvalid(on(s.db(), s.alice()).queryParam("limit", -5).get(threadPath(s, root)), "limit");
    assertInvalid(
        on(s.db(), s.alice()).queryParam("limit", "ten").get(threadPath(s, root)), "limit");
    assertProblem(alice.get(threadPath(s, "not-a-uuid")), 404, "NOT_FOUND");
    assertProblem(on(s.db(), s.alice()).get(threadPath(s, UNKNOWN_ID)), 404, "NOT_FOUND");
    assertProblem(on(s.db(), s.alice()).get(threadPath(s, elsewhere)), 404, "NOT_FOUND");
    assertProblem(
        on(s.db(), s.alice()).get("/api/v1/rooms/not-a-uuid/messages/" + root + "/thread"),
        404,
        "NOT_FOUND");
    assertProblem(
        on(s.db(), s.alice()).get("/api/v1/rooms/" + UNKNOWN_ID + "/messages/" + root + "/thread"),
        404,
        "NOT_FOUND");
    assertProblem(
        on(s.db(), s.alice()).put(threadPath(s, elsewhere) + "/follow"), 404, "NOT_FOUND");
    assertProblem(
        on(s.db(), s.alice()).delete(threadPath(s, UNKNOWN_ID) + "/follow"), 404, "NOT_FOUND");

    // read positions: only a message of this thread
    assertInvalid(
        on(s.db(), s.alice())
            .body(Map.of("message_id", unthreaded))
            .post(threadPath(s, root) + "/read"),
        "message_id");
    assertInvalid(
        on(s.db(), s.alice())
            .body(Map.of("message_id", elsewhere))
            .post(threadPath(s, root) + "/read"),
        "message_id");
    assertInvalid(
        on(s.db(), s.alice()).body(Map.of("message_id", "12")).post(threadPath(s, root) + "/read"),
        "message_id");
    assertProblem(
        on(s.db(), s.alice()).body("{\"message_id\": 12").post(threadPath(s, root) + "/read"),
        400,
        "VALIDATION_FAILED");
    on(s.db(), s.alice())
        .body(Map.of("message_id", replyId))
        .post(threadPath(s, replyId) + "/read")
        .then()
        .statusCode(200)
        .body("root_id", org.hamcrest.Matchers.equalTo(root));

    // the list's cursor is opaque and checked
    assertInvalid(
        on(s.db(), s.alice()).queryParam("cursor", "forged").get("/api/v1/threads"), "cursor");
    assertInvalid(on(s.db(), s.alice()).queryParam("limit", 0).get("/api/v1/threads"), "limit");
    // an outsider learns nothing
    TestUser outsider = Api.newUser(baseUrl(database), "outsider");
    assertProblem(on(s.db(), outsider).get(threadPath(s, root)), 403, "FORBIDDEN");
    assertProblem(on(s.db(), outsider).get(threadPath(s, UNKNOWN_ID)), 403, "FORBIDDEN");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void threadUpdatedReachesTheRoomAndThreadReadTheReadersOtherTabs(String database) {
    Scene s = scene(database);
    String root = post(s, s.alice(), "root");
    try (WsClient carols = WsClient.connect(baseUrl(database), s.carol().accessToken());
        WsClient alicesOtherTab = WsClient.connect(baseUrl(database), s.alice().accessToken())) {
      String replyId = reply(s, s.bob(), root, "bob replies").getString("id");
      JsonObject updated =
          carols
              .await("thread_updated", d -> root.equals(d.getString("root_id")))
              .getJsonObject("data");
      assertThat(updated.getString("room_id")).isEqualTo(s.room());
      assertThat(updated.getInt("reply_count")).isEqualTo(1);
      assertThat(updated.getString("last_reply_id")).isEqualTo(replyId);
      assertThat(updated.getString("last_reply_at")).isNotBlank();
      JsonObject posted =
          carols.await("new_message", d -> replyId.equals(d.getString("id"))).getJsonObject("data");
      assertThat(posted.getString("thread_root_id")).isEqualTo(root);

      on(s.db(), s.bob())
          .delete("/api/v1/rooms/" + s.room() + "/messages/" + replyId)
          .then()
          .statusCode(204);
      JsonObject afterDelete =
          carols
              .await(
                  "thread_updated",
                  d -> root.equals(d.getString("root_id")) && d.getInt("reply_count") == 0)
              .getJsonObject("data");
      assertThat(afterDelete.isNull("last_reply_id")).isTrue();
      assertThat(afterDelete.isNull("last_reply_at")).isTrue();

      reply(s, s.bob(), root, "again");
      on(s.db(), s.alice()).post(threadPath(s, root) + "/read").then().statusCode(200);
      JsonObject read =
          alicesOtherTab
              .await("thread_read", d -> root.equals(d.getString("root_id")))
              .getJsonObject("data");
      assertThat(read.getInt("unread_count")).isEqualTo(0);
      assertThat(read.getBoolean("following")).isTrue();
      on(s.db(), s.alice()).delete(threadPath(s, root) + "/follow").then().statusCode(200);
      alicesOtherTab.await(
          "thread_read", d -> root.equals(d.getString("root_id")) && !d.getBoolean("following"));
      // thread_read is the reader's own: carol hears none of it
      assertThat(carols.received(f -> "thread_read".equals(f.getString("event")))).isEmpty();
    }
  }

  /** Over the socket's send_message too, and on PostgreSQL the stored rows agree. */
  @Test
  void socketRepliesAreThreadedAndStoredWithTheirRoot() {
    Scene s = scene("PostgreSQL");
    String root = post(s, s.alice(), "root");
    try (WsClient bobs = WsClient.connect(s.bob())) {
      String ref =
          bobs.send(
              "send_message",
              "{\"room_id\":\""
                  + s.room()
                  + "\",\"content\":\"over the socket\",\"parent_id\":\""
                  + root
                  + "\"}");
      JsonObject ack = bobs.reply(ref);
      assertThat(ack.getString("event")).isEqualTo("ack");
      assertThat(ack.getJsonObject("data").getString("thread_root_id")).isEqualTo(root);
      bobs.await("thread_updated", d -> root.equals(d.getString("root_id")));
    }
    assertThat(
            StoredRows.count(
                "SELECT COUNT(*) FROM messages WHERE thread_root_id = CAST(? AS uuid)", root))
        .isEqualTo(1);
    assertThat(
            StoredRows.count("SELECT reply_count FROM messages WHERE id = CAST(? AS uuid)", root))
        .isEqualTo(1);
    assertThat(
            StoredRows.count(
                "SELECT COUNT(*) FROM thread_follows WHERE root_id = CAST(? AS uuid) AND following",
                root))
        .isEqualTo(2);
  }

  /** Many concurrent replies (PostgreSQL's group commit batches them): every one is counted. */
  @Test
  void concurrentRepliesAreAllCounted() throws Exception {
    Scene s = scene("PostgreSQL");
    String root = post(s, s.alice(), "root");
    List<java.util.concurrent.CompletableFuture<Void>> sends = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      TestUser sender = i % 2 == 0 ? s.bob() : s.carol();
      int n = i;
      sends.add(
          java.util.concurrent.CompletableFuture.runAsync(
              () -> reply(s, sender, root, "concurrent " + n)));
    }
    for (var send : sends) {
      send.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    JsonPath page =
        on(s.db(), s.alice())
            .queryParam("limit", 100)
            .get(threadPath(s, root))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page.getInt("root.reply_count")).isEqualTo(40);
    assertThat(page.getList("replies")).hasSize(40);
    assertThat(listed(s, s.alice(), root).get("unread_count")).isEqualTo(40);
  }
}

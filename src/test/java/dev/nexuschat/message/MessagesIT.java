package dev.nexuschat.message;

import static dev.nexuschat.testsupport.Api.as;
import static dev.nexuschat.testsupport.Problems.assertInvalid;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@NexusIT
class MessagesIT {
  private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  private static TestUser alice;
  private static TestUser bob;
  private String room;

  @BeforeEach
  void roomOfAliceAndBob() {
    if (alice == null) {
      alice = Api.newUser("msg_alice");
      bob = Api.newUser("msg_bob");
    }
    room = Api.newRoom(alice, bob);
  }

  private String messages() {
    return "/api/v1/rooms/" + room + "/messages";
  }

  private Response post(TestUser sender, Map<String, ?> body) {
    return as(sender).body(body).post(messages());
  }

  private List<String> historyContents(TestUser reader) {
    return as(reader)
        .get(messages() + "?limit=100")
        .then()
        .statusCode(200)
        .extract()
        .path("messages.content");
  }

  @Test
  void sendAnswers201WithTheContractsMessageShape() {
    Response sent = post(alice, Map.of("content", "Hello"));
    sent.then()
        .statusCode(201)
        .body("id", matchesPattern("[0-9a-f-]{36}"))
        .body("room_id", equalTo(room))
        .body("sender.id", equalTo(alice.id()))
        .body("sender.username", equalTo(alice.username()))
        .body("sender.display_name", equalTo(alice.displayName()))
        .body("sender", org.hamcrest.Matchers.hasKey("avatar_url"))
        .body("content", equalTo("Hello"))
        .body("message_type", equalTo("text"))
        .body("parent_id", nullValue())
        .body("parent", nullValue())
        .body("is_edited", equalTo(false))
        .body("created_at", matchesPattern(TIMESTAMP))
        .body("updated_at", matchesPattern(TIMESTAMP))
        .body("client_id", nullValue());
    Map<String, Object> body = sent.jsonPath().getMap("");
    assertEquals(
        Set.of(
            "id",
            "room_id",
            "sender",
            "content",
            "message_type",
            "parent_id",
            "parent",
            "is_edited",
            "created_at",
            "updated_at",
            "client_id",
            "mentions",
            "mentions_room",
            "reactions",
            "attachments"),
        body.keySet());
    assertEquals(List.of(), body.get("mentions"));
    assertEquals(List.of(), body.get("reactions"));
    assertEquals(List.of(), body.get("attachments"));
    assertEquals(false, body.get("mentions_room"));
  }

  @Test
  void replyCarriesAPreviewOfItsParentCutToOneHundredCharacters() {
    String longText = "p".repeat(60) + "😀".repeat(60);
    String parent = Api.send(alice, room, longText);
    post(bob, Map.of("content", "answer", "parent_id", parent))
        .then()
        .statusCode(201)
        .body("parent_id", equalTo(parent))
        .body("parent.id", equalTo(parent))
        .body("parent.sender_display_name", equalTo(alice.displayName()))
        .body("parent.content", equalTo("p".repeat(60) + "😀".repeat(40)))
        .body("parent.is_deleted", equalTo(false));
  }

  @Test
  void contentIsTrimmed() {
    post(alice, Map.of("content", "  \n\t spaced out \n "))
        .then()
        .statusCode(201)
        .body("content", equalTo("spaced out"));
  }

  @Test
  void emptyBlankOrMissingContentIsRejected() {
    assertInvalid(post(alice, Map.of("content", "")), "content");
    assertInvalid(post(alice, Map.of("content", " \n\t ")), "content");
    assertInvalid(post(alice, Map.of("parent_id", Api.send(alice, room, "x"))), "content");
  }

  @Test
  void contentUpToFiveThousandCharactersIsAccepted() {
    post(alice, Map.of("content", "a".repeat(5000))).then().statusCode(201);
    assertInvalid(post(alice, Map.of("content", "a".repeat(5001))), "content");
  }

  @Test
  void lengthCountsCharactersSoEmojiCountOnce() {
    post(alice, Map.of("content", "😀".repeat(5000)))
        .then()
        .statusCode(201)
        .body("content", equalTo("😀".repeat(5000)));
    assertInvalid(post(alice, Map.of("content", "😀".repeat(5001))), "content");
  }

  @Test
  void nulCharacterIsRejected() {
    assertInvalid(post(alice, Map.of("content", "before\u0000after")), "content");
  }

  @Test
  void repeatedClientIdReturnsTheOriginalWith200AndStoresNothing() {
    Response first = post(alice, Map.of("content", "once", "client_id", "c-1"));
    first.then().statusCode(201).body("client_id", equalTo("c-1"));
    String id = first.path("id");
    post(alice, Map.of("content", "once again", "client_id", "c-1"))
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("content", equalTo("once"));
    assertEquals(
        1,
        StoredRows.count(
            "SELECT COUNT(*) FROM messages WHERE room_id = ? AND client_id = 'c-1'", room));
    assertEquals(List.of("once"), historyContents(bob));
  }

  @Test
  void aRetriedReplyWhoseParentWasDeletedMeanwhileIsStillARepeat() {
    String parent = post(bob, Map.of("content", "question")).path("id");
    Map<String, String> reply =
        Map.of("content", "answer", "parent_id", parent, "client_id", "reply-1");
    String id = post(alice, reply).then().statusCode(201).extract().path("id");
    as(bob).delete("/api/v1/rooms/" + room + "/messages/" + parent).then().statusCode(204);

    post(alice, reply).then().statusCode(200).body("id", equalTo(id));
    assertInvalid(
        post(alice, Map.of("content", "late", "parent_id", parent, "client_id", "reply-2")),
        "parent_id");
  }

  @Test
  void clientIdIsPerSenderAndPerRoom() {
    String mine =
        post(alice, Map.of("content", "a", "client_id", "shared"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String bobs =
        post(bob, Map.of("content", "b", "client_id", "shared"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String otherRoom = Api.newRoom(alice, bob);
    String elsewhere =
        as(alice)
            .body(Map.of("content", "c", "client_id", "shared"))
            .post("/api/v1/rooms/" + otherRoom + "/messages")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertEquals(3, new TreeSet<>(List.of(mine, bobs, elsewhere)).size());
  }

  @Test
  void concurrentRepeatsOfOneClientIdStoreOneMessage() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return post(alice, Map.of("content", "racing", "client_id", "race-1"));
                }));
      }
      start.countDown();
      Map<Integer, Integer> statuses = new HashMap<>();
      Set<String> ids = new TreeSet<>();
      for (Future<Response> answer : answers) {
        Response response = answer.get(60, TimeUnit.SECONDS);
        statuses.merge(response.statusCode(), 1, Integer::sum);
        ids.add(response.path("id"));
      }
      assertEquals(Map.of(201, 1, 200, 11), statuses);
      assertEquals(1, ids.size());
      assertEquals(1, StoredRows.count("SELECT COUNT(*) FROM messages WHERE room_id = ?", room));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void clientIdLongerThanSixtyFourCharactersIsRejected() {
    post(alice, Map.of("content", "ok", "client_id", "c".repeat(64))).then().statusCode(201);
    assertInvalid(post(alice, Map.of("content", "ok", "client_id", "c".repeat(65))), "client_id");
  }

  @Test
  void parentFromAnotherRoomIsRejected() {
    String otherRoom = Api.newRoom(alice, bob);
    String foreign = Api.send(alice, otherRoom, "elsewhere");
    assertInvalid(post(alice, Map.of("content", "reply", "parent_id", foreign)), "parent_id");
    assertInvalid(
        post(
            alice, Map.of("content", "reply", "parent_id", java.util.UUID.randomUUID().toString())),
        "parent_id");
    assertInvalid(post(alice, Map.of("content", "reply", "parent_id", "not-a-uuid")), "parent_id");
  }

  @Test
  void outsiderCannotSend() {
    TestUser carol = Api.newUser("msg_carol");
    assertProblem(post(carol, Map.of("content", "let me in")), 403, "FORBIDDEN");
  }

  @Test
  void outsiderCannotReadHistoryOrMarkRead() {
    TestUser carol = Api.newUser("msg_carol");
    Api.send(alice, room, "members only");
    assertProblem(as(carol).get(messages()), 403, "FORBIDDEN");
    assertProblem(as(carol).post("/api/v1/rooms/" + room + "/read"), 403, "FORBIDDEN");
  }

  @Test
  void roomListShowsTheEditedContentOfTheLastMessage() {
    String id = Api.send(alice, room, "typo");
    as(alice).body(Map.of("content", "fixed")).patch(messages() + "/" + id).then().statusCode(200);
    as(bob)
        .get("/api/v1/rooms")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + room + "' }.last_message.content", equalTo("fixed"));
  }

  @Test
  void editChangesContentAndMarksItEdited() {
    JsonPath sent =
        post(alice, Map.of("content", "first draft")).then().statusCode(201).extract().jsonPath();
    JsonPath edited =
        as(alice)
            .body(Map.of("content", "  final  "))
            .patch(messages() + "/" + sent.getString("id"))
            .then()
            .statusCode(200)
            .body("content", equalTo("final"))
            .body("is_edited", equalTo(true))
            .body("updated_at", matchesPattern(TIMESTAMP))
            .body("created_at", equalTo(sent.getString("created_at")))
            .extract()
            .jsonPath();
    assertFalse(
        Instant.parse(edited.getString("updated_at"))
            .isBefore(Instant.parse(sent.getString("created_at"))));
    as(bob)
        .get(messages())
        .then()
        .statusCode(200)
        .body("messages[0].content", equalTo("final"))
        .body("messages[0].is_edited", equalTo(true));
  }

  @Test
  void onlyTheSenderMayEditAndTheNewContentFollowsTheRules() {
    String id = Api.send(alice, room, "mine");
    assertProblem(
        as(bob).body(Map.of("content", "hijacked")).patch(messages() + "/" + id), 403, "FORBIDDEN");
    assertInvalid(as(alice).body(Map.of("content", "   ")).patch(messages() + "/" + id), "content");
    assertInvalid(
        as(alice).body(Map.of("content", "x".repeat(5001))).patch(messages() + "/" + id),
        "content");
    assertProblem(
        as(alice)
            .body(Map.of("content", "x"))
            .patch(messages() + "/" + java.util.UUID.randomUUID()),
        404,
        "NOT_FOUND");
  }

  @Test
  void deletedMessageLeavesHistoryAndTheRoomListFallsBackToThePreviousOne() {
    String first = Api.send(alice, room, "first");
    String second = Api.send(alice, room, "second");
    as(alice).delete(messages() + "/" + second).then().statusCode(204);
    assertEquals(List.of("first"), historyContents(bob));
    JsonPath list = as(bob).get("/api/v1/rooms").then().statusCode(200).extract().jsonPath();
    int index = list.getList("id").indexOf(room);
    assertEquals(first, list.getString("[" + index + "].last_message.id"));
    assertEquals("first", list.getString("[" + index + "].last_message.content"));
    as(alice).delete(messages() + "/" + first).then().statusCode(204);
    as(bob)
        .get("/api/v1/rooms")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + room + "' }.last_message", nullValue());
  }

  @Test
  void deletingAnOlderMessageKeepsTheLastMessage() {
    String first = Api.send(alice, room, "first");
    String second = Api.send(alice, room, "second");
    as(alice).delete(messages() + "/" + first).then().statusCode(204);
    as(bob)
        .get("/api/v1/rooms")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + room + "' }.last_message.id", equalTo(second));
  }

  @Test
  void repliesShowADeletedParentAsDeletedWithoutItsContent() {
    String parent = Api.send(alice, room, "secret original");
    String reply =
        post(bob, Map.of("content", "reply", "parent_id", parent))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(alice).delete(messages() + "/" + parent).then().statusCode(204);
    JsonPath history = as(bob).get(messages()).then().statusCode(200).extract().jsonPath();
    assertEquals(List.of(reply), history.getList("messages.id"));
    assertEquals(parent, history.getString("messages[0].parent_id"));
    assertTrue(history.getBoolean("messages[0].parent.is_deleted"));
    assertFalse(String.valueOf(history.getString("messages[0].parent.content")).contains("secret"));
    assertEquals("", StoredRows.column("SELECT content FROM messages WHERE id = ?", parent).get(0));
  }

  @Test
  void deletedMessageCannotBeRepliedToEditedOrDeletedAgain() {
    String id = Api.send(alice, room, "gone soon");
    as(alice).delete(messages() + "/" + id).then().statusCode(204);
    assertProblem(as(alice).delete(messages() + "/" + id), 404, "NOT_FOUND");
    assertProblem(
        as(alice).body(Map.of("content", "x")).patch(messages() + "/" + id), 404, "NOT_FOUND");
    assertInvalid(post(bob, Map.of("content", "reply", "parent_id", id)), "parent_id");
  }

  @Test
  void plainMemberCannotDeleteOthersMessageButOwnerCan() {
    String bobs = Api.send(bob, room, "bob says");
    String alices = Api.send(alice, room, "alice says");
    assertProblem(as(bob).delete(messages() + "/" + alices), 403, "FORBIDDEN");
    as(alice).delete(messages() + "/" + bobs).then().statusCode(204);
    as(bob).delete(messages() + "/" + alices).then().statusCode(403);
  }

  @Test
  void readMarkNeverMovesBackwards() {
    String first = Api.send(alice, room, "one");
    Api.send(alice, room, "two");
    Api.send(alice, room, "three");
    as(bob)
        .post("/api/v1/rooms/" + room + "/read")
        .then()
        .statusCode(200)
        .body("unread_count", equalTo(0))
        .body("last_read_at", matchesPattern(TIMESTAMP));
    as(bob)
        .body(Map.of("message_id", first))
        .post("/api/v1/rooms/" + room + "/read")
        .then()
        .statusCode(200)
        .body("unread_count", equalTo(0));
    as(bob)
        .get("/api/v1/rooms")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + room + "' }.unread_count", equalTo(0));
  }

  @Test
  void readUpToAMessageLeavesTheNewerOnesUnread() {
    String first = Api.send(alice, room, "one");
    Api.send(alice, room, "two");
    Api.send(alice, room, "three");
    as(bob)
        .body(Map.of("message_id", first))
        .post("/api/v1/rooms/" + room + "/read")
        .then()
        .statusCode(200)
        .body("unread_count", equalTo(2));
  }

  @Test
  void readBodyIsOptional() {
    Api.send(alice, room, "one");
    as(bob)
        .post("/api/v1/rooms/" + room + "/read")
        .then()
        .statusCode(200)
        .body("unread_count", equalTo(0));
    Api.send(alice, room, "two");
    as(bob)
        .body("{}")
        .post("/api/v1/rooms/" + room + "/read")
        .then()
        .statusCode(200)
        .body("unread_count", equalTo(0));
    Api.send(alice, room, "three");
    as(bob)
        .body("{\"message_id\": null}")
        .post("/api/v1/rooms/" + room + "/read")
        .then()
        .statusCode(200)
        .body("unread_count", equalTo(0));
  }

  @Test
  void readWithAMessageOfAnotherRoomIsRejected() {
    String otherRoom = Api.newRoom(alice, bob);
    String foreign = Api.send(alice, otherRoom, "elsewhere");
    assertInvalid(
        as(bob).body(Map.of("message_id", foreign)).post("/api/v1/rooms/" + room + "/read"),
        "message_id");
    assertInvalid(
        as(bob).body(Map.of("message_id", "nope")).post("/api/v1/rooms/" + room + "/read"),
        "message_id");
    assertProblem(
        as(bob).body("{\"message_id\": ").post("/api/v1/rooms/" + room + "/read"),
        400,
        "VALIDATION_FAILED");
  }

  @Test
  void sentMessageIsStoredWithMillisecondTimestamps() {
    JsonPath sent =
        post(alice, Map.of("content", "stamp"))
            .then()
            .statusCode(201)
            .body("created_at", not(equalTo(null)))
            .extract()
            .jsonPath();
    assertEquals(sent.getString("created_at"), sent.getString("updated_at"));
    assertTrue(sent.getString("created_at").endsWith("Z"));
    as(bob)
        .get(messages())
        .then()
        .body("messages[0].created_at", equalTo(sent.getString("created_at")))
        .body("messages[0].sender.id", notNullValue());
  }
}

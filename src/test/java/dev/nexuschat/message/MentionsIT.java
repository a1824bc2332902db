package dev.nexuschat.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.room.AppendWaits;
import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.EmbeddedNode;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.Problems;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mentions are stored with their message (the same append, on PostgreSQL's group commit and on H2's
 * entities), count per room until read, page through {@code GET /mentions}, follow edits and
 * deletes; and a member's mute is theirs only. The rules run on both databases; the stored rows are
 * checked on PostgreSQL, whose database the tests can read.
 */
@NexusIT
@ExtendWith(EmbeddedNode.class)
class MentionsIT {
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

  private static TestUser user(String database, String prefix) {
    return Api.newUser(baseUrl(database), prefix);
  }

  private static String room(String database, TestUser owner, TestUser... members) {
    return on(database, owner)
        .body(
            Map.of("name", "Mentions", "member_ids", Stream.of(members).map(TestUser::id).toList()))
        .post("/api/v1/rooms")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static Response post(String database, TestUser sender, String room, String content) {
    return on(database, sender)
        .body(Map.of("content", content))
        .post("/api/v1/rooms/" + room + "/messages");
  }

  private static Map<String, Object> listed(String database, TestUser user, String room) {
    List<Map<String, Object>> rooms =
        on(database, user)
            .get("/api/v1/rooms")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    return rooms.stream().filter(r -> room.equals(r.get("id"))).findFirst().orElseThrow();
  }

  private static long mentionCount(String database, TestUser user, String room) {
    return ((Number) listed(database, user, room).get("mention_count")).longValue();
  }

  /** Every page of the caller's feed, in order, as message ids. */
  private static List<String> feed(String database, TestUser user, int limit) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      RequestSpecification request = on(database, user).queryParam("limit", limit);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get("/api/v1/mentions");
      page.then().statusCode(200);
      List<String> pageIds = page.path("mentions.message.id");
      assertThat(pageIds.size()).isLessThanOrEqualTo(limit);
      ids.addAll(pageIds);
      cursor = page.path("next_cursor");
      assertThat(cursor != null).isEqualTo((Boolean) page.path("has_more"));
    } while (cursor != null);
    return ids;
  }

  private static List<String> storedMentions(String messageId) {
    return StoredRows.column(
        "SELECT CAST(user_id AS varchar) FROM message_mentions WHERE message_id = ?", messageId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void onlyCurrentMembersOtherThanTheSenderAreMentioned(String db) {
    TestUser alice = user(db, "mn_alice");
    TestUser bob = user(db, "mn_bob");
    TestUser carol = user(db, "mn_carol"); // not in the room
    String room = room(db, alice, bob);
    Response sent =
        post(
            db,
            alice,
            room,
            "hi @%s and @%s, @nobody_by_that_name and me @%s; mail bob@%s.io"
                .formatted(bob.username(), carol.username(), alice.username(), bob.username()));
    sent.then().statusCode(201);
    assertThat(sent.<List<String>>path("mentions")).containsExactly(bob.id());
    assertThat(sent.<Boolean>path("mentions_room")).isFalse();
    assertThat(sent.<String>path("content")).contains("@" + carol.username());

    Map<String, Object> inHistory =
        on(db, bob)
            .get("/api/v1/rooms/" + room + "/messages")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("messages[0]");
    assertThat(inHistory.get("mentions")).isEqualTo(List.of(bob.id()));
    assertThat(mentionCount(db, bob, room)).isEqualTo(1);
    assertThat(mentionCount(db, alice, room)).isZero();
    assertThat(feed(db, carol, 10)).isEmpty();
    if (db.equals("PostgreSQL")) {
      assertThat(storedMentions(sent.path("id"))).containsExactly(bob.id());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void roomMentionIsAFlagThatCountsForEveryoneButTheSender(String db) {
    TestUser alice = user(db, "mr_alice");
    TestUser bob = user(db, "mr_bob");
    TestUser carol = user(db, "mr_carol");
    String room = room(db, alice, bob, carol);
    Response sent = post(db, alice, room, "@room standup in 5, @" + bob.username());
    sent.then().statusCode(201);
    assertThat(sent.<Boolean>path("mentions_room")).isTrue();
    post(db, bob, room, "@here too").then().statusCode(201);
    assertThat(mentionCount(db, carol, room)).isEqualTo(2);
    assertThat(mentionCount(db, bob, room)).isZero(); // his own post moved his mark past both
    assertThat(mentionCount(db, alice, room)).isEqualTo(1);
    assertThat(feed(db, carol, 10)).hasSize(2);
    if (db.equals("PostgreSQL")) {
      assertThat(
              StoredRows.count(
                  "SELECT count(*) FROM messages WHERE room_id = ? AND mentions_room", room))
          .isEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void codeMentionsNobodyAndOnlyTheFirstFiftyNamesCount(String db) {
    TestUser alice = user(db, "mc_alice");
    TestUser bob = user(db, "mc_bob");
    String room = room(db, alice, bob);
    String inCode = "see `@%s` and\n```\n@%s\n```".formatted(bob.username(), bob.username());
    assertThat(post(db, alice, room, inCode).<List<String>>path("mentions")).isEmpty();
    String fifty =
        IntStream.range(0, 50).mapToObj(i -> "@ghost" + i).collect(Collectors.joining(" "));
    assertThat(post(db, alice, room, fifty + " @" + bob.username()).<List<String>>path("mentions"))
        .isEmpty();
    assertThat(
            post(db, alice, room, "@" + bob.username() + " " + fifty)
                .<List<String>>path("mentions"))
        .containsExactly(bob.id());
    assertThat(mentionCount(db, bob, room)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void countsArePerRoomAndReadingClearsThem(String db) {
    TestUser alice = user(db, "mk_alice");
    TestUser bob = user(db, "mk_bob");
    String one = room(db, alice, bob);
    String two = room(db, alice, bob);
    post(db, alice, one, "@" + bob.username() + " one").then().statusCode(201);
    post(db, alice, one, "@room two").then().statusCode(201);
    post(db, alice, one, "no mention").then().statusCode(201);
    post(db, alice, two, "@" + bob.username() + " three").then().statusCode(201);
    assertThat(mentionCount(db, bob, one)).isEqualTo(2);
    assertThat(mentionCount(db, bob, two)).isEqualTo(1);

    Response read = on(db, bob).body(Map.of()).post("/api/v1/rooms/" + one + "/read");
    read.then().statusCode(200);
    assertThat(read.<Integer>path("mention_count")).isZero();
    assertThat(mentionCount(db, bob, one)).isZero();
    assertThat(mentionCount(db, bob, two)).isEqualTo(1);
    assertThat(listed(db, bob, one).get("unread_count")).isEqualTo(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void feedPagesNewestFirstWithoutGapsOrDuplicatesAndDropsRoomsLeft(String db) {
    TestUser alice = user(db, "mf_alice");
    TestUser bob = user(db, "mf_bob");
    String one = room(db, alice, bob);
    String two = room(db, alice, bob);
    List<String> expected = new ArrayList<>();
    List<String> inTwo = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String room = i % 2 == 0 ? one : two;
      String content = i % 3 == 0 ? "@room " + i : "@" + bob.username() + " " + i;
      String id = post(db, alice, room, content).then().statusCode(201).extract().path("id");
      expected.add(0, id);
      if (room.equals(two)) {
        inTwo.add(id);
      }
      post(db, alice, room, "filler " + i).then().statusCode(201);
    }
    assertThat(feed(db, bob, 3)).containsExactlyElementsOf(expected);
    assertThat(feed(db, bob, 100)).containsExactlyElementsOf(expected);

    on(db, bob).delete("/api/v1/rooms/" + two + "/members/" + bob.id()).then().statusCode(204);
    List<String> left = new ArrayList<>(expected);
    left.removeAll(inTwo);
    assertThat(feed(db, bob, 2)).containsExactlyElementsOf(left);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void editRecomputesMentionsAndDeleteRemovesThem(String db) {
    TestUser alice = user(db, "me_alice");
    TestUser bob = user(db, "me_bob");
    TestUser carol = user(db, "me_carol");
    String room = room(db, alice, bob, carol);
    String id =
        post(db, alice, room, "ask @" + bob.username()).then().statusCode(201).extract().path("id");
    Response edited =
        on(db, alice)
            .body(Map.of("content", "ask @" + carol.username()))
            .patch("/api/v1/rooms/" + room + "/messages/" + id);
    edited.then().statusCode(200);
    assertThat(edited.<List<String>>path("mentions")).containsExactly(carol.id());
    assertThat(mentionCount(db, bob, room)).isZero();
    assertThat(mentionCount(db, carol, room)).isEqualTo(1);
    assertThat(feed(db, bob, 10)).isEmpty();
    assertThat(feed(db, carol, 10)).containsExactly(id);

    on(db, alice).delete("/api/v1/rooms/" + room + "/messages/" + id).then().statusCode(204);
    assertThat(mentionCount(db, carol, room)).isZero();
    assertThat(feed(db, carol, 10)).isEmpty();
    if (db.equals("PostgreSQL")) {
      assertThat(storedMentions(id)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void aRepeatedClientIdStoresOneMentionAndShowsIt(String db) {
    TestUser alice = user(db, "mi_alice");
    TestUser bob = user(db, "mi_bob");
    String room = room(db, alice, bob);
    Map<String, String> body =
        Map.of("content", "@" + bob.username() + " once", "client_id", "c-1");
    on(db, alice).body(body).post("/api/v1/rooms/" + room + "/messages").then().statusCode(201);
    Response repeat = on(db, alice).body(body).post("/api/v1/rooms/" + room + "/messages");
    repeat.then().statusCode(200);
    assertThat(repeat.<List<String>>path("mentions")).containsExactly(bob.id());
    assertThat(mentionCount(db, bob, room)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(EmbeddedNode.DATABASES)
  void feedRefusesBadCursorsAndLimits(String db) {
    TestUser alice = user(db, "mb_alice");
    for (String cursor : List.of("x", "bTE6MTp4", "%%%", "a".repeat(200))) {
      Problems.assertProblem(
          on(db, alice).queryParam("cursor", cursor).get("/api/v1/mentions"),
          400,
          "VALIDATION_FAILED");
    }
    for (String limit : List.of("0", "-1", "many")) {
      Problems.assertProblem(
          on(db, alice).queryParam("limit", limit).get("/api/v1/mentions"),
          400,
          "VALIDATION_FAILED");
    }
  }

  @Test
  void mentionsOfAGroupCommittedBatchAreAllStored() throws Exception {
    TestUser alice = Api.newUser("mg_alice");
    TestUser bob = Api.newUser("mg_bob");
    String room = Api.newRoom(alice, bob);
    int queued = 12;
    List<CompletableFuture<Response>> sends = new ArrayList<>();
    try (Connection lockHolder = NexusServer.services().openDatabase()) {
      lockHolder.setAutoCommit(false);
      try (PreparedStatement lock =
          lockHolder.prepareStatement("SELECT id FROM rooms WHERE id = ? FOR UPDATE")) {
        lock.setObject(1, UUID.fromString(room));
        lock.execute();
      }
      // The first send holds its lane's committer on the room lock; the rest queue behind it and
      // are appended together, in one call, once the lock is released.
      sends.add(sendAsync(alice, room, "@" + bob.username() + " first"));
      AppendWaits.awaitAnAppendWaitingForALock();
      for (int i = 0; i < queued; i++) {
        String content = i % 4 == 0 ? "@room batch " + i : "@" + bob.username() + " batch " + i;
        sends.add(sendAsync(i % 2 == 0 ? alice : bob, room, content));
      }
      lockHolder.commit();
    }
    int personal = 0;
    int roomWide = 0;
    for (CompletableFuture<Response> send : sends) {
      Response sent = send.get(30, TimeUnit.SECONDS);
      sent.then().statusCode(201);
      String id = sent.path("id");
      boolean byBob = bob.id().equals(sent.path("sender.id"));
      if (sent.<Boolean>path("mentions_room")) {
        roomWide++;
        assertThat(storedMentions(id)).isEmpty();
      } else if (byBob) {
        assertThat(storedMentions(id)).isEmpty(); // his own name: no row
      } else {
        personal++;
        assertThat(storedMentions(id)).containsExactly(bob.id());
        assertThat(sent.<List<String>>path("mentions")).containsExactly(bob.id());
      }
    }
    assertThat(personal + roomWide).isGreaterThan(queued / 2);
    assertThat(
            StoredRows.count(
                "SELECT count(*) FROM messages m WHERE m.room_id = ? AND NOT m.mentions_room"
                    + " AND m.sender_id = ? AND m.mentioned_ids IS NULL",
                room,
                alice.id()))
        .isZero();
  }

  private static CompletableFuture<Response> sendAsync(TestUser user, String room, String text) {
    return CompletableFuture.supplyAsync(
        () ->
            Api.as(user).body(Map.of("content", text)).post("/api/v1/rooms/" + room + "/messages"));
  }

  @Test
  void muteIsStoredKeepsCountsAndReachesTheUsersOtherSockets() {
    TestUser alice = Api.newUser("mm_alice");
    TestUser bob = Api.newUser("mm_bob");
    String room = Api.newRoom(alice, bob);
    try (WsClient bobsOtherTab = WsClient.connect(bob)) {
      bobsOtherTab.ready();
      Response muted =
          Api.as(bob).body(Map.of("muted", true)).patch("/api/v1/rooms/" + room + "/members/me");
      muted.then().statusCode(200);
      assertThat(muted.<Boolean>path("muted")).isTrue();
      assertThat(muted.<String>path("room_id")).isEqualTo(room);
      bobsOtherTab.await(
          "room_settings_updated",
          data -> data.getString("room_id").equals(room) && data.getBoolean("muted"));
    }
    Api.send(alice, room, "@" + bob.username() + " still counted");
    assertThat(listed("PostgreSQL", bob, room).get("muted")).isEqualTo(true);
    assertThat(listed("PostgreSQL", alice, room).get("muted")).isEqualTo(false);
    assertThat(mentionCount("PostgreSQL", bob, room)).isEqualTo(1);
    assertThat(listed("PostgreSQL", bob, room).get("unread_count")).isEqualTo(1);

    Api.as(bob)
        .body(Map.of("muted", false))
        .patch("/api/v1/rooms/" + room + "/members/me")
        .then()
        .statusCode(200);
    assertThat(listed("PostgreSQL", bob, room).get("muted")).isEqualTo(false);
  }

  @Test
  void muteRefusesBadBodies() {
    TestUser bob = Api.newUser("mv_bob");
    String room = Api.newRoom(bob);
    for (String body :
        List.of(
            "{}", "{\"muted\":null}", "{\"muted\":\"yes\"}", "{\"muted\":1}", "[]", "not json")) {
      Problems.assertProblem(
          Api.as(bob).body(body).patch("/api/v1/rooms/" + room + "/members/me"),
          400,
          "VALIDATION_FAILED");
    }
    assertThat(listed("PostgreSQL", bob, room).get("muted")).isEqualTo(false);
  }
}

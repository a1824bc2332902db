package dev.nexuschat.room;

import static dev.nexuschat.testsupport.Api.as;
import static dev.nexuschat.testsupport.Problems.assertInvalid;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@NexusIT
class RoomsIT {
  private static TestUser alice;
  private static TestUser bob;
  private static TestUser carol;

  @BeforeAll
  static void users() {
    alice = Api.newUser("rm_alice");
    bob = Api.newUser("rm_bob");
    carol = Api.newUser("rm_carol");
  }

  private static Response create(TestUser caller, Map<String, ?> body) {
    return as(caller).body(body).post("/api/v1/rooms");
  }

  private static Response openDm(TestUser caller, TestUser other) {
    return create(caller, Map.of("is_direct", true, "member_ids", List.of(other.id())));
  }

  @Test
  void creatorOfAGroupRoomBecomesItsOwner() {
    create(
            alice,
            Map.of(
                "name",
                "  Project X  ",
                "description",
                "Talk about X",
                "member_ids",
                List.of(bob.id(), carol.id())))
        .then()
        .statusCode(201)
        .body("name", equalTo("Project X"))
        .body("description", equalTo("Talk about X"))
        .body("is_direct", equalTo(false))
        .body("my_role", equalTo("owner"))
        .body("member_count", equalTo(3))
        .body("peer", nullValue())
        .body("members", hasSize(3))
        .body("members.id", containsInAnyOrder(alice.id(), bob.id(), carol.id()))
        .body("members.find { it.id == '" + alice.id() + "' }.role", equalTo("owner"))
        .body("members.find { it.id == '" + bob.id() + "' }.role", equalTo("member"));
  }

  @Test
  void creatorListedAmongMembersIsNotAddedTwice() {
    create(alice, Map.of("name", "Me twice", "member_ids", List.of(alice.id(), bob.id(), bob.id())))
        .then()
        .statusCode(201)
        .body("member_count", equalTo(2))
        .body("members", hasSize(2));
  }

  @Test
  void groupNameIsRequiredAndAtMostOneHundredCharacters() {
    assertInvalid(create(alice, Map.of("description", "no name")), "name");
    assertInvalid(create(alice, Map.of("name", "   ")), "name");
    assertInvalid(create(alice, Map.of("name", "n".repeat(101))), "name");
    create(alice, Map.of("name", "n".repeat(100))).then().statusCode(201);
  }

  @Test
  void descriptionIsAtMostFiveHundredCharactersAndBlankMeansNone() {
    assertInvalid(
        create(alice, Map.of("name", "d", "description", "d".repeat(501))), "description");
    create(alice, Map.of("name", "d", "description", "d".repeat(500))).then().statusCode(201);
    create(alice, Map.of("name", "d", "description", "   "))
        .then()
        .statusCode(201)
        .body("description", nullValue());
  }

  @Test
  void everyInvalidFieldOfANewRoomIsListed() {
    assertInvalid(create(alice, Map.of("name", "", "description", "d".repeat(501))), "name")
        .body("errors.field", org.hamcrest.Matchers.hasItem("description"));
  }

  @Test
  void unknownOrMalformedMemberIdsAreRejected() {
    assertInvalid(
        create(alice, Map.of("name", "x", "member_ids", List.of(UUID.randomUUID().toString()))),
        "member_ids");
    assertInvalid(
        create(alice, Map.of("name", "x", "member_ids", List.of("not-a-uuid"))), "member_ids");
  }

  @Test
  void directConversationNeedsExactlyOneOtherUser() {
    assertInvalid(create(alice, Map.of("is_direct", true, "member_ids", List.of())), "member_ids");
    assertInvalid(create(alice, Map.of("is_direct", true)), "member_ids");
    assertInvalid(
        create(alice, Map.of("is_direct", true, "member_ids", List.of(bob.id(), carol.id()))),
        "member_ids");
    assertInvalid(
        create(alice, Map.of("is_direct", true, "member_ids", List.of(alice.id()))), "member_ids");
    assertInvalid(
        create(
            alice, Map.of("is_direct", true, "member_ids", List.of(UUID.randomUUID().toString()))),
        "member_ids");
  }

  @Test
  void existingDirectConversationIsReturnedWith200FromEitherSide() {
    TestUser dave = Api.newUser("rm_dave");
    TestUser erin = Api.newUser("rm_erin");
    String id = openDm(dave, erin).then().statusCode(201).extract().path("id");
    openDm(dave, erin).then().statusCode(200).body("id", equalTo(id));
    openDm(erin, dave).then().statusCode(200).body("id", equalTo(id));
  }

  @Test
  void directConversationIsNamedAfterTheOtherPersonOnEachSide() {
    TestUser dave = Api.newUser("rm_dave");
    TestUser erin = Api.newUser("rm_erin");
    String id =
        openDm(dave, erin)
            .then()
            .statusCode(201)
            .body("is_direct", equalTo(true))
            .body("name", equalTo(erin.displayName()))
            .body("peer.id", equalTo(erin.id()))
            .body("peer.username", equalTo(erin.username()))
            .body("peer.display_name", equalTo(erin.displayName()))
            .body("peer", org.hamcrest.Matchers.hasKey("avatar_url"))
            .body("peer", org.hamcrest.Matchers.hasKey("is_online"))
            .extract()
            .path("id");
    as(erin)
        .get("/api/v1/rooms/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo(dave.displayName()))
        .body("peer.id", equalTo(dave.id()));
    as(erin)
        .get("/api/v1/rooms")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + id + "' }.name", equalTo(dave.displayName()))
        .body("find { it.id == '" + id + "' }.peer.id", equalTo(dave.id()));
    as(dave)
        .get("/api/v1/rooms")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + id + "' }.name", equalTo(erin.displayName()))
        .body("find { it.id == '" + id + "' }.peer.username", equalTo(erin.username()));
  }

  @Test
  void directConversationNameFollowsThePeersNewDisplayName() {
    TestUser kate = Api.newUser("rm_kate");
    TestUser liam = Api.newUser("rm_liam");
    String id = openDm(kate, liam).then().statusCode(201).extract().path("id");
    as(liam)
        .body(Map.of("display_name", "Liam Renamed"))
        .patch("/api/v1/users/me")
        .then()
        .statusCode(200);
    as(kate)
        .get("/api/v1/rooms")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + id + "' }.name", equalTo("Liam Renamed"))
        .body("find { it.id == '" + id + "' }.peer.display_name", equalTo("Liam Renamed"));
    as(kate)
        .get("/api/v1/rooms/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Liam Renamed"));
  }

  @Test
  void concurrentRequestsForOnePairOpenOneDirectConversation() throws Exception {
    TestUser dave = Api.newUser("rm_dave");
    TestUser erin = Api.newUser("rm_erin");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        boolean fromDave = i % 2 == 0;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return fromDave ? openDm(dave, erin) : openDm(erin, dave);
                }));
      }
      start.countDown();
      Map<Integer, Integer> statuses = new HashMap<>();
      Set<String> ids = new HashSet<>();
      for (Future<Response> answer : answers) {
        Response response = answer.get(120, TimeUnit.SECONDS);
        statuses.merge(response.statusCode(), 1, Integer::sum);
        ids.add(response.path("id"));
      }
      assertEquals(Map.of(201, 1, 200, 15), statuses);
      assertEquals(1, ids.size());
      assertEquals(
          1,
          StoredRows.count(
              "SELECT COUNT(*) FROM rooms r WHERE r.is_direct AND EXISTS"
                  + " (SELECT 1 FROM room_members m WHERE m.room_id = r.id AND m.user_id = ?) AND EXISTS"
                  + " (SELECT 1 FROM room_members m WHERE m.room_id = r.id AND m.user_id = ?)",
              dave.id(),
              erin.id()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void roomListIsOrderedByLastActivityThenNewest() {
    TestUser frank = Api.newUser("rm_frank");
    String first = Api.newRoom(frank);
    String second = Api.newRoom(frank);
    String third = Api.newRoom(frank);
    // Same activity time for all three; created_at alone decides.
    StoredRows.update(
        "UPDATE rooms SET last_activity_at = TIMESTAMPTZ '2026-01-01 00:00:00+00',"
            + " created_at = TIMESTAMPTZ '2025-12-01 00:00:00+00' WHERE id = ?",
        first);
    StoredRows.update(
        "UPDATE rooms SET last_activity_at = TIMESTAMPTZ '2026-01-01 00:00:00+00',"
            + " created_at = TIMESTAMPTZ '2025-12-03 00:00:00+00' WHERE id = ?",
        second);
    StoredRows.update(
        "UPDATE rooms SET last_activity_at = TIMESTAMPTZ '2026-01-01 00:00:00+00',"
            + " created_at = TIMESTAMPTZ '2025-12-02 00:00:00+00' WHERE id = ?",
        third);
    assertEquals(List.of(second, third, first), roomIds(frank));
    Api.send(frank, first, "bump");
    assertEquals(List.of(first, second, third), roomIds(frank));
    Api.send(frank, third, "bump");
    assertEquals(List.of(third, first, second), roomIds(frank));
  }

  @Test
  void newRoomsComeFirstAndAMessageMovesARoomUp() {
    TestUser gina = Api.newUser("rm_gina");
    String older = Api.newRoom(gina);
    String newer = Api.newRoom(gina);
    List<String> ids = roomIds(gina);
    assertTrue(ids.indexOf(newer) < ids.indexOf(older));
    Api.send(gina, older, "bump");
    assertEquals(older, roomIds(gina).get(0));
  }

  @Test
  void roomListShowsTheContractsFields() {
    TestUser hank = Api.newUser("rm_hank");
    String room =
        as(hank)
            .body(Map.of("name", "Listed", "description", "desc"))
            .post("/api/v1/rooms")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String msg = Api.send(hank, room, "latest");
    JsonPath list = as(hank).get("/api/v1/rooms").then().statusCode(200).extract().jsonPath();
    assertEquals(room, list.getString("[0].id"));
    assertEquals("Listed", list.getString("[0].name"));
    assertEquals("desc", list.getString("[0].description"));
    assertEquals("owner", list.getString("[0].my_role"));
    assertEquals(false, list.getBoolean("[0].is_direct"));
    assertEquals(1, list.getInt("[0].member_count"));
    assertEquals(msg, list.getString("[0].last_message.id"));
    assertEquals("latest", list.getString("[0].last_message.content"));
    assertEquals(hank.id(), list.getString("[0].last_message.sender_id"));
    assertEquals(hank.username(), list.getString("[0].last_message.sender_username"));
    assertTrue(
        list.getString("[0].created_at")
            .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
    assertTrue(list.getMap("[0]").containsKey("peer"));
  }

  private static List<String> roomIds(TestUser user) {
    return as(user).get("/api/v1/rooms").then().statusCode(200).extract().path("id");
  }

  @Test
  void ownerAndAdminMayRenameButAPlainMemberMayNot() {
    String room = Api.newRoom(alice, bob, carol);
    as(alice)
        .body(Map.of("role", "admin"))
        .patch("/api/v1/rooms/" + room + "/members/" + bob.id())
        .then()
        .statusCode(200)
        .body("role", equalTo("admin"));
    as(alice)
        .body(Map.of("name", "  Renamed  "))
        .patch("/api/v1/rooms/" + room)
        .then()
        .statusCode(200)
        .body("name", equalTo("Renamed"));
    as(bob)
        .body(Map.of("description", "by the admin"))
        .patch("/api/v1/rooms/" + room)
        .then()
        .statusCode(200)
        .body("name", equalTo("Renamed"))
        .body("description", equalTo("by the admin"));
    assertProblem(
        as(carol).body(Map.of("name", "Mine now")).patch("/api/v1/rooms/" + room),
        403,
        "FORBIDDEN");
    TestUser outsider = Api.newUser("rm_out");
    assertProblem(
        as(outsider).body(Map.of("name", "Mine now")).patch("/api/v1/rooms/" + room),
        403,
        "FORBIDDEN");
    as(carol).get("/api/v1/rooms/" + room).then().body("name", equalTo("Renamed"));
  }

  @Test
  void patchFollowsTheSameRulesAsCreate() {
    String room =
        as(alice)
            .body(Map.of("name", "Patched", "description", "keep me"))
            .post("/api/v1/rooms")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String path = "/api/v1/rooms/" + room;
    assertInvalid(as(alice).body(Map.of("name", " ")).patch(path), "name");
    assertInvalid(as(alice).body(Map.of("name", "n".repeat(101))).patch(path), "name");
    assertInvalid(as(alice).body("{\"name\": null}").patch(path), "name");
    assertInvalid(as(alice).body("{\"name\": 42}").patch(path), "name");
    assertInvalid(as(alice).body("[]").patch(path), "body");
    assertProblem(as(alice).body("[{\"name\": \"x\"}]").patch(path), 400, "VALIDATION_FAILED");
    assertInvalid(
        as(alice).body(Map.of("description", "d".repeat(501))).patch(path), "description");
    as(alice)
        .body("{}")
        .patch(path)
        .then()
        .statusCode(200)
        .body("name", equalTo("Patched"))
        .body("description", equalTo("keep me"));
    as(alice)
        .body("{\"description\": null}")
        .patch(path)
        .then()
        .statusCode(200)
        .body("name", equalTo("Patched"))
        .body("description", nullValue());
  }

  @Test
  void directConversationCannotBeRenamed() {
    TestUser ivan = Api.newUser("rm_ivan");
    String dm = openDm(alice, ivan).then().extract().path("id");
    assertInvalid(as(alice).body(Map.of("name", "Ours")).patch("/api/v1/rooms/" + dm), "room");
  }

  @Test
  void unknownOrMalformedRoomIsNotFoundAndOutsidersAreForbidden() {
    assertProblem(as(alice).get("/api/v1/rooms/" + UUID.randomUUID()), 404, "NOT_FOUND");
    assertProblem(as(alice).get("/api/v1/rooms/not-a-room"), 404, "NOT_FOUND");
    assertProblem(
        as(alice).get("/api/v1/rooms/" + UUID.randomUUID().toString().toUpperCase() + "x"),
        404,
        "NOT_FOUND");
    String room = Api.newRoom(bob);
    assertProblem(as(alice).get("/api/v1/rooms/" + room), 403, "FORBIDDEN");
    assertProblem(
        as(alice).get("/api/v1/rooms/" + UUID.randomUUID() + "/messages"), 404, "NOT_FOUND");
    assertProblem(
        as(alice).body(Map.of("name", "x")).patch("/api/v1/rooms/" + UUID.randomUUID()),
        404,
        "NOT_FOUND");
  }

  @Test
  void roomDetailListsMembersWithRoleAndPresence() {
    String room = Api.newRoom(alice, bob);
    as(bob)
        .get("/api/v1/rooms/" + room)
        .then()
        .statusCode(200)
        .body("my_role", equalTo("member"))
        .body("members.role", containsInAnyOrder("owner", "member"))
        .body("members[0].id", equalTo(alice.id()))
        .body("members[0]", org.hamcrest.Matchers.hasKey("is_online"));
  }

  @Test
  void lastMemberLeavingDeletesTheRoom() {
    TestUser june = Api.newUser("rm_june");
    String room = Api.newRoom(june);
    Api.send(june, room, "alone");
    as(june).delete("/api/v1/rooms/" + room + "/members/" + june.id()).then().statusCode(204);
    assertProblem(as(june).get("/api/v1/rooms/" + room), 404, "NOT_FOUND");
    assertEquals(0, StoredRows.count("SELECT COUNT(*) FROM rooms WHERE id = ?", room));
  }

  @Test
  void ownerMustTransferBeforeLeaving() {
    String room = Api.newRoom(alice, bob);
    assertProblem(
        as(alice).delete("/api/v1/rooms/" + room + "/members/" + alice.id()),
        409,
        "OWNER_MUST_TRANSFER");
    as(alice)
        .body(Map.of("role", "owner"))
        .patch("/api/v1/rooms/" + room + "/members/" + bob.id())
        .then()
        .statusCode(200)
        .body("role", equalTo("owner"));
    as(bob)
        .get("/api/v1/rooms/" + room)
        .then()
        .body("members.find { it.id == '" + alice.id() + "' }.role", equalTo("admin"));
    as(alice).delete("/api/v1/rooms/" + room + "/members/" + alice.id()).then().statusCode(204);
  }
}

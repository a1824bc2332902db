package dev.nexuschat.room;

import static dev.nexuschat.testsupport.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@NexusIT
class UnreadCountsIT {
  private static long unread(TestUser user, String roomId) {
    JsonPath list = as(user).get("/api/v1/rooms").then().statusCode(200).extract().jsonPath();
    int index = list.getList("id").indexOf(roomId);
    return list.getLong("[" + index + "].unread_count");
  }

  private static void delete(TestUser user, String room, String message) {
    as(user).delete("/api/v1/rooms/" + room + "/messages/" + message).then().statusCode(204);
  }

  @Test
  void othersMessagesCountOwnDoNot() {
    TestUser alice = Api.newUser("un_alice");
    TestUser bob = Api.newUser("un_bob");
    String room = Api.newRoom(alice, bob);
    Api.send(alice, room, "1");
    Api.send(alice, room, "2");
    Api.send(bob, room, "3");
    Api.send(alice, room, "4");
    // bob's own message moved his mark: only alice's "4" is after it
    assertEquals(1, unread(bob, room));
    assertEquals(0, unread(alice, room));
  }

  @Test
  void ownMessagesNeverCountEvenBeforeAnyRead() {
    TestUser alice = Api.newUser("un_alice");
    TestUser bob = Api.newUser("un_bob");
    String room = Api.newRoom(alice, bob);
    for (int i = 0; i < 3; i++) {
      Api.send(alice, room, "mine " + i);
    }
    assertEquals(0, unread(alice, room));
    assertEquals(3, unread(bob, room));
  }

  @Test
  void deletedMessagesDoNotCount() {
    TestUser alice = Api.newUser("un_alice");
    TestUser bob = Api.newUser("un_bob");
    String room = Api.newRoom(alice, bob);
    String a = Api.send(alice, room, "a");
    Api.send(alice, room, "b");
    String c = Api.send(alice, room, "c");
    delete(alice, room, a);
    delete(alice, room, c);
    assertEquals(1, unread(bob, room));
  }

  @Test
  void deletingAMessageAlreadyReadDoesNotChangeTheCount() {
    TestUser alice = Api.newUser("un_alice");
    TestUser bob = Api.newUser("un_bob");
    String room = Api.newRoom(alice, bob);
    String a = Api.send(alice, room, "a");
    as(bob).post("/api/v1/rooms/" + room + "/read").then().statusCode(200);
    Api.send(alice, room, "b");
    delete(alice, room, a);
    assertEquals(1, unread(bob, room));
  }

  @Test
  void markingReadClearsTheCount() {
    TestUser alice = Api.newUser("un_alice");
    TestUser bob = Api.newUser("un_bob");
    String room = Api.newRoom(alice, bob);
    Api.send(alice, room, "a");
    Api.send(alice, room, "b");
    assertEquals(2, unread(bob, room));
    as(bob).post("/api/v1/rooms/" + room + "/read").then().statusCode(200);
    assertEquals(0, unread(bob, room));
    Api.send(alice, room, "c");
    assertEquals(1, unread(bob, room));
  }

  @Test
  void newMemberStartsAtZero() {
    TestUser alice = Api.newUser("un_alice");
    TestUser carol = Api.newUser("un_carol");
    String room = Api.newRoom(alice);
    Api.send(alice, room, "before carol");
    Api.send(alice, room, "also before carol");
    as(alice)
        .body(Map.of("user_id", carol.id()))
        .post("/api/v1/rooms/" + room + "/members")
        .then()
        .statusCode(201);
    assertEquals(0, unread(carol, room));
    Api.send(alice, room, "after carol");
    assertEquals(1, unread(carol, room));
  }

  @Test
  void countsArePerRoom() {
    TestUser alice = Api.newUser("un_alice");
    TestUser bob = Api.newUser("un_bob");
    String one = Api.newRoom(alice, bob);
    String two = Api.newRoom(alice, bob);
    Api.send(alice, one, "x");
    Api.send(alice, two, "y");
    Api.send(alice, two, "z");
    assertEquals(1, unread(bob, one));
    assertEquals(2, unread(bob, two));
    as(bob).post("/api/v1/rooms/" + two + "/read").then().statusCode(200);
    assertEquals(1, unread(bob, one));
    assertEquals(0, unread(bob, two));
  }

  @Test
  void directConversationsCountToo() {
    TestUser alice = Api.newUser("un_alice");
    TestUser bob = Api.newUser("un_bob");
    String dm =
        as(alice)
            .body(Map.of("is_direct", true, "member_ids", List.of(bob.id())))
            .post("/api/v1/rooms")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.send(alice, dm, "psst");
    assertEquals(1, unread(bob, dm));
    assertEquals(0, unread(alice, dm));
  }

  @Test
  void roomListWithManyRoomsCountsEachRoomRight() {
    TestUser alice = Api.newUser("un_alice");
    TestUser bob = Api.newUser("un_bob");
    Map<String, Integer> expected = new HashMap<>();
    Map<String, Integer> expectedForAlice = new HashMap<>();
    List<String> rooms = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String room = Api.newRoom(alice, bob);
      rooms.add(room);
      int fromAlice = i % 4;
      for (int m = 0; m < fromAlice; m++) {
        Api.send(alice, room, "r" + i + " m" + m);
      }
      if (i % 5 == 0) {
        Api.send(bob, room, "bob answers");
        expected.put(room, 0);
        expectedForAlice.put(room, 1);
      } else {
        expected.put(room, fromAlice);
        expectedForAlice.put(room, 0);
      }
      if (i % 7 == 3) {
        String extra = Api.send(alice, room, "to be deleted");
        delete(alice, room, extra);
        // posting moved alice's own mark past bob's answer, whatever happens to her message
        expectedForAlice.put(room, 0);
      }
    }
    assertEquals(expected, unreadByRoom(bob));
    assertEquals(expectedForAlice, unreadByRoom(alice));
  }

  private static Map<String, Integer> unreadByRoom(TestUser user) {
    JsonPath list = as(user).get("/api/v1/rooms").then().statusCode(200).extract().jsonPath();
    Map<String, Integer> counts = new HashMap<>();
    List<String> ids = list.getList("id");
    for (int i = 0; i < ids.size(); i++) {
      counts.put(ids.get(i), list.getInt("[" + i + "].unread_count"));
    }
    return counts;
  }
}

package dev.nexuschat.system;

import static dev.nexuschat.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;

@NexusIT
class HappyPathIT {
  @Test
  void registeredUsersChatInARoom() {
    TestUser alice = Api.newUser("alice");
    TestUser bob = Api.newUser("bob");
    as(alice)
        .get("/api/v1/users/me")
        .then()
        .statusCode(200)
        .body("username", equalTo(alice.username()));
    String room = Api.newRoom(alice, bob);
    String first = Api.send(alice, room, "Hello Bob");
    as(bob)
        .body(Map.of("content", "Hi Alice", "parent_id", first))
        .post("/api/v1/rooms/" + room + "/messages")
        .then()
        .statusCode(201);
    as(bob)
        .get("/api/v1/rooms/" + room + "/messages")
        .then()
        .statusCode(200)
        .body("messages", hasSize(2))
        .body("messages[0].content", equalTo("Hello Bob"))
        .body("messages[1].parent.content", equalTo("Hello Bob"));
    as(alice)
        .get("/api/v1/rooms")
        .then()
        .statusCode(200)
        .body("[0].unread_count", equalTo(1))
        .body("[0].last_message.content", equalTo("Hi Alice"));
  }
}

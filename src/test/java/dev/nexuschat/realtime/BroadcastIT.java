package dev.nexuschat.realtime;

import static dev.nexuschat.testsupport.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@NexusIT
class BroadcastIT {

  @Test
  void sentMessageIsAckedAndReachesEveryMemberAndTheSendersOtherTab() {
    TestUser alice = Api.newUser("bc_alice");
    TestUser bob = Api.newUser("bc_bob");
    String room = Api.newRoom(alice, bob);
    try (WsClient aliceTab1 = WsClient.connect(alice);
        WsClient aliceTab2 = WsClient.connect(alice);
        WsClient bobTab = WsClient.connect(bob)) {
      String ref =
          aliceTab1.send(
              "send_message",
              "{\"room_id\":\"" + room + "\",\"content\":\"  hello ws  \",\"client_id\":\"c-1\"}");
      JsonObject ack = aliceTab1.reply(ref);
      assertEquals("ack", ack.getString("event"));
      assertEquals("hello ws", ack.getJsonObject("data").getString("content"));
      String id = ack.getJsonObject("data").getString("id");
      for (WsClient client : new WsClient[] {aliceTab1, aliceTab2, bobTab}) {
        JsonObject message = client.await("new_message", d -> id.equals(d.getString("id")));
        assertEquals("c-1", message.getJsonObject("data").getString("client_id"));
        assertEquals(
            alice.id(), message.getJsonObject("data").getJsonObject("sender").getString("id"));
      }
    }
  }

  @Test
  void repeatedClientIdIsAckedWithTheOriginalAndStoresNothingNew() {
    TestUser alice = Api.newUser("bc_idem");
    String room = Api.newRoom(alice);
    try (WsClient client = WsClient.connect(alice)) {
      String frame = "{\"room_id\":\"" + room + "\",\"content\":\"once\",\"client_id\":\"same\"}";
      String first =
          client.reply(client.send("send_message", frame)).getJsonObject("data").getString("id");
      String second =
          client.reply(client.send("send_message", frame)).getJsonObject("data").getString("id");
      assertEquals(first, second);
    }
    assertEquals(
        1,
        as(alice)
            .get("/api/v1/rooms/" + room + "/messages")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("messages")
            .size());
  }

  @Test
  void nonMemberSendIsForbiddenAndTheSocketStaysOpen() {
    TestUser owner = Api.newUser("bc_owner");
    TestUser stranger = Api.newUser("bc_stranger");
    String room = Api.newRoom(owner);
    try (WsClient client = WsClient.connect(stranger)) {
      JsonObject reply =
          client.reply(
              client.send("send_message", "{\"room_id\":\"" + room + "\",\"content\":\"hi\"}"));
      assertEquals("error", reply.getString("event"));
      assertEquals("FORBIDDEN", reply.getJsonObject("data").getString("code"));
      assertEquals("ack", client.reply(client.send("ping", "{}")).getString("event"));
    }
  }

  @Test
  void garbageAndMalformedFramesGetBadFrameWithoutClosing() {
    TestUser user = Api.newUser("bc_garbage");
    try (WsClient client = WsClient.connect(user)) {
      client.sendRaw("this is not json");
      client.await("error", d -> "BAD_FRAME".equals(d.getString("code")));
      JsonObject unknown = client.reply(client.send("dance", "{}"));
      assertEquals("BAD_FRAME", unknown.getJsonObject("data").getString("code"));
      JsonObject missing = client.reply(client.send("send_message", "{\"content\":\"no room\"}"));
      assertEquals("BAD_FRAME", missing.getJsonObject("data").getString("code"));
      JsonObject invalid =
          client.reply(
              client.send(
                  "send_message",
                  "{\"room_id\":\"" + Api.newRoom(user) + "\",\"content\":\"   \"}"));
      assertEquals("VALIDATION_FAILED", invalid.getJsonObject("data").getString("code"));
      assertTrue(client.isOpen());
      assertEquals("ack", client.reply(client.send("ping", "{}")).getString("event"));
    }
  }

  @Test
  void restEditAndDeleteBecomeEvents() {
    TestUser alice = Api.newUser("bc_edit");
    TestUser bob = Api.newUser("bc_editb");
    String room = Api.newRoom(alice, bob);
    try (WsClient bobTab = WsClient.connect(bob)) {
      String id = Api.send(alice, room, "first draft");
      bobTab.await("new_message", d -> id.equals(d.getString("id")));
      as(alice)
          .body(Map.of("content", "second draft"))
          .patch("/api/v1/rooms/" + room + "/messages/" + id)
          .then()
          .statusCode(200);
      JsonObject edited = bobTab.await("message_edited", d -> id.equals(d.getString("id")));
      assertEquals("second draft", edited.getJsonObject("data").getString("content"));
      assertTrue(edited.getJsonObject("data").getBoolean("is_edited"));
      as(alice).delete("/api/v1/rooms/" + room + "/messages/" + id).then().statusCode(204);
      JsonObject deleted = bobTab.await("message_deleted", d -> id.equals(d.getString("id")));
      assertEquals(room, deleted.getJsonObject("data").getString("room_id"));
    }
  }

  @Test
  void addedMemberStartsReceivingAtOnceAndRemovedMemberStops() {
    TestUser owner = Api.newUser("bc_add");
    TestUser carol = Api.newUser("bc_carol");
    String room = Api.newRoom(owner);
    String otherRoom = Api.newRoom(owner, carol);
    try (WsClient ownerTab = WsClient.connect(owner);
        WsClient carolTab = WsClient.connect(carol)) {
      as(owner)
          .body(Map.of("user_id", carol.id()))
          .post("/api/v1/rooms/" + room + "/members")
          .then()
          .statusCode(201);
      carolTab.await("room_created", d -> room.equals(d.getString("room_id")));
      ownerTab.await(
          "member_joined",
          d ->
              room.equals(d.getString("room_id"))
                  && carol.id().equals(d.getJsonObject("user").getString("id")));
      String welcome = Api.send(owner, room, "welcome carol");
      carolTab.await("new_message", d -> welcome.equals(d.getString("id")));

      as(owner).delete("/api/v1/rooms/" + room + "/members/" + carol.id()).then().statusCode(204);
      carolTab.await(
          "member_left",
          d -> room.equals(d.getString("room_id")) && carol.id().equals(d.getString("user_id")));
      String secret = Api.send(owner, room, "after carol left");
      ownerTab.await("new_message", d -> secret.equals(d.getString("id")));
      // A later message in a room carol is still in proves her socket is live and caught up.
      String marker = Api.send(owner, otherRoom, "marker");
      carolTab.await("new_message", d -> marker.equals(d.getString("id")));
      assertTrue(
          carolTab
              .received(
                  f ->
                      "new_message".equals(f.getString("event"))
                          && secret.equals(f.getJsonObject("data").getString("id")))
              .isEmpty());
    }
  }

  @Test
  void newRoomReachesItsMembersAndTheirOpenSocketsFollowIt() {
    TestUser owner = Api.newUser("bc_new");
    TestUser dave = Api.newUser("bc_dave");
    try (WsClient daveTab = WsClient.connect(dave)) {
      String room = Api.newRoom(owner, dave);
      daveTab.await("room_created", d -> room.equals(d.getString("room_id")));
      String first = Api.send(owner, room, "in the new room");
      daveTab.await("new_message", d -> first.equals(d.getString("id")));
    }
  }

  @Test
  void markReadAcksAndUpdatesTheReadersOtherTabs() {
    TestUser alice = Api.newUser("bc_read");
    TestUser bob = Api.newUser("bc_readb");
    String room = Api.newRoom(alice, bob);
    String id = Api.send(alice, room, "read me");
    try (WsClient tab1 = WsClient.connect(bob);
        WsClient tab2 = WsClient.connect(bob)) {
      JsonObject ack =
          tab1.reply(
              tab1.send(
                  "mark_read", "{\"room_id\":\"" + room + "\",\"message_id\":\"" + id + "\"}"));
      assertEquals("ack", ack.getString("event"));
      assertEquals(0, ack.getJsonObject("data").getInt("unread_count"));
      tab2.await(
          "read_updated", d -> room.equals(d.getString("room_id")) && !d.isNull("last_read_at"));
    }
  }

  @Test
  void renamedRoomReachesEveryMember() {
    TestUser owner = Api.newUser("bc_rename");
    TestUser member = Api.newUser("bc_renameb");
    String room = Api.newRoom(owner, member);
    try (WsClient ownerTab = WsClient.connect(owner);
        WsClient memberTab = WsClient.connect(member)) {
      as(owner)
          .body(Map.of("name", "Renamed", "description", "new topic"))
          .patch("/api/v1/rooms/" + room)
          .then()
          .statusCode(200);
      for (WsClient tab : new WsClient[] {ownerTab, memberTab}) {
        JsonObject data =
            tab.await("room_updated", d -> room.equals(d.getString("room_id")))
                .getJsonObject("data");
        assertEquals("Renamed", data.getString("name"));
        assertEquals("new topic", data.getString("description"));
      }
    }
  }

  @Test
  void profileChangeReachesEveryoneSharingARoomOnceAndNobodyElse() {
    TestUser carol = Api.newUser("bc_profile");
    TestUser peer = Api.newUser("bc_peer");
    TestUser stranger = Api.newUser("bc_stranger");
    // Two shared rooms: the peer still hears of the change once.
    Api.newRoom(carol, peer);
    Api.newRoom(peer, carol);
    try (WsClient carolTab = WsClient.connect(carol);
        WsClient peerTab = WsClient.connect(peer);
        WsClient strangerTab = WsClient.connect(stranger)) {
      as(carol)
          .body(
              Map.of(
                  "display_name", "Carol Renamed", "avatar_url", "https://img.example.test/c.png"))
          .patch("/api/v1/users/me")
          .then()
          .statusCode(200);
      JsonObject user =
          peerTab
              .await(
                  "user_updated", d -> carol.id().equals(d.getJsonObject("user").getString("id")))
              .getJsonObject("data")
              .getJsonObject("user");
      assertEquals("Carol Renamed", user.getString("display_name"));
      assertEquals("https://img.example.test/c.png", user.getString("avatar_url"));
      carolTab.await(
          "user_updated", d -> carol.id().equals(d.getJsonObject("user").getString("id")));

      // A later message is a marker: everything about the profile change has arrived before it.
      String room = Api.newRoom(stranger, peer);
      String marker = Api.send(stranger, room, "marker");
      peerTab.await("new_message", d -> marker.equals(d.getString("id")));
      strangerTab.await("new_message", d -> marker.equals(d.getString("id")));
      assertEquals(1, peerTab.received(f -> "user_updated".equals(f.getString("event"))).size());
      assertTrue(strangerTab.received(f -> "user_updated".equals(f.getString("event"))).isEmpty());
    }
  }
}

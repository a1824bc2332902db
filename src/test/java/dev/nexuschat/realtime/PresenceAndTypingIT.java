package dev.nexuschat.realtime;

import static dev.nexuschat.testsupport.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

@NexusIT
class PresenceAndTypingIT {

  @Test
  void typingReachesOthersButNotTheTypistAndExpiresAfterThreeQuietSeconds() {
    TestUser alice = Api.newUser("ty_alice");
    TestUser bob = Api.newUser("ty_bob");
    String room = Api.newRoom(alice, bob);
    try (WsClient aliceTab = WsClient.connect(alice);
        WsClient aliceOtherTab = WsClient.connect(alice);
        WsClient bobTab = WsClient.connect(bob)) {
      long started = System.nanoTime();
      assertEquals(
          "ack",
          aliceTab
              .reply(aliceTab.send("typing_start", "{\"room_id\":\"" + room + "\"}"))
              .getString("event"));
      JsonObject typing =
          bobTab.await("user_typing", d -> alice.id().equals(d.getString("user_id")));
      assertEquals(alice.username(), typing.getJsonObject("data").getString("username"));
      assertEquals(room, typing.getJsonObject("data").getString("room_id"));
      bobTab.await(
          "user_stop_typing",
          d -> alice.id().equals(d.getString("user_id")) && room.equals(d.getString("room_id")));
      assertTrue(
          Duration.ofNanos(System.nanoTime() - started).toMillis() >= 2500,
          "stopped by the 3 s expiry");

      String marker = Api.send(bob, room, "marker");
      aliceOtherTab.await("new_message", d -> marker.equals(d.getString("id")));
      aliceTab.await("new_message", d -> marker.equals(d.getString("id")));
      Predicate<JsonObject> typingFrame =
          f -> f.getString("event").startsWith("user_") && f.getString("event").contains("typing");
      assertTrue(aliceTab.received(typingFrame).isEmpty());
      assertTrue(aliceOtherTab.received(typingFrame).isEmpty());
    }
  }

  @Test
  void typingStopIsSentAtOnceAndOnDisconnect() {
    TestUser alice = Api.newUser("ty_stop");
    TestUser bob = Api.newUser("ty_stopb");
    String room = Api.newRoom(alice, bob);
    try (WsClient bobTab = WsClient.connect(bob)) {
      try (WsClient aliceTab = WsClient.connect(alice)) {
        aliceTab.send("typing_start", "{\"room_id\":\"" + room + "\"}");
        bobTab.await("user_typing", d -> alice.id().equals(d.getString("user_id")));
        aliceTab.send("typing_stop", "{\"room_id\":\"" + room + "\"}");
        bobTab.await("user_stop_typing", d -> alice.id().equals(d.getString("user_id")));
        aliceTab.send("typing_start", "{\"room_id\":\"" + room + "\"}");
        bobTab.awaitAll(f -> "user_typing".equals(f.getString("event")), 2);
      }
      bobTab.awaitAll(f -> "user_stop_typing".equals(f.getString("event")), 2);
    }
  }

  @Test
  void typingInARoomOfOthersIsForbidden() {
    TestUser owner = Api.newUser("ty_owner");
    TestUser stranger = Api.newUser("ty_stranger");
    String room = Api.newRoom(owner);
    try (WsClient client = WsClient.connect(stranger)) {
      JsonObject reply =
          client.reply(client.send("typing_start", "{\"room_id\":\"" + room + "\"}"));
      assertEquals("FORBIDDEN", reply.getJsonObject("data").getString("code"));
    }
  }

  @Test
  void presenceFollowsTheFirstAndLastConnectionAcrossTwoTabs() {
    TestUser alice = Api.newUser("pr_alice");
    TestUser bob = Api.newUser("pr_bob");
    Api.newRoom(alice, bob);
    try (WsClient bobTab = WsClient.connect(bob)) {
      WsClient aliceTab1 = WsClient.connect(alice);
      bobTab.await("user_online", d -> alice.id().equals(d.getString("user_id")));
      assertTrue(
          as(bob)
              .get("/api/v1/users/" + alice.id())
              .then()
              .statusCode(200)
              .extract()
              .<Boolean>path("is_online"));
      WsClient aliceTab2 = WsClient.connect(alice);
      aliceTab1.close();
      aliceTab1.awaitClose();
      Instant lastTabClosing = Instant.now();
      aliceTab2.close();
      JsonObject offline =
          bobTab.await("user_offline", d -> alice.id().equals(d.getString("user_id")));
      Instant lastSeen = Instant.parse(offline.getJsonObject("data").getString("last_seen_at"));
      assertFalse(
          lastSeen.isBefore(lastTabClosing.minusMillis(50)),
          "offline only after the last tab closed");
      assertEquals(
          1,
          bobTab
              .received(
                  f ->
                      "user_offline".equals(f.getString("event"))
                          && alice.id().equals(f.getJsonObject("data").getString("user_id")))
              .size());
      assertEquals(
          1,
          bobTab
              .received(
                  f ->
                      "user_online".equals(f.getString("event"))
                          && alice.id().equals(f.getJsonObject("data").getString("user_id")))
              .size());
      var profile = as(bob).get("/api/v1/users/" + alice.id()).then().statusCode(200).extract();
      assertFalse(profile.<Boolean>path("is_online"));
      assertEquals(
          offline.getJsonObject("data").getString("last_seen_at"), profile.path("last_seen_at"));
    }
  }
}

package dev.nexuschat.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.LibertyInstance;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two Liberty nodes on one PostgreSQL and one Redis: events, presence and typing cross nodes, and a
 * crashed node's users stop typing and go offline on the other.
 *
 * <p>Graceful shutdown is not asserted here: Liberty (26.0.0.x, Netty and legacy transport alike)
 * drops upgraded connections the moment {@code server stop} starts quiescing, before the
 * application hears of the stop, so the 1001 sent from {@code contextDestroyed} only reaches
 * clients when the application stops without the server.
 */
@NexusIT
class TwoNodeIT {
  /** Node B's presence leases run out quickly, so its death shows within the test's patience. */
  private static final String NODE_B_LEASE_MS = "6000";

  @Test
  void eventsPresenceAndTypingCrossNodesAndACrashedNodesUsersStopTypingAndGoOffline() {
    LibertyInstance nodeB =
        NexusServer.startAnotherNode("node-b", Map.of("NEXUS_PRESENCE_TTL_MS", NODE_B_LEASE_MS));
    TestUser alice = Api.newUser("n2_alice");
    TestUser bob = Api.newUser("n2_bob");
    String room = Api.newRoom(alice, bob);
    // A second shared room: presence for several rooms still reaches Alice once across nodes.
    Api.newRoom(bob, alice);
    try (WsClient aliceOnA = WsClient.connect(NexusServer.node().baseUrl(), alice.accessToken())) {
      WsClient bobOnB = WsClient.connect(nodeB.baseUrl(), bob.accessToken());
      aliceOnA.await("user_online", d -> bob.id().equals(d.getString("user_id")));

      String ref =
          aliceOnA.send(
              "send_message", "{\"room_id\":\"" + room + "\",\"content\":\"across nodes\"}");
      String id = aliceOnA.reply(ref).getJsonObject("data").getString("id");
      bobOnB.await("new_message", d -> id.equals(d.getString("id")));
      aliceOnA.await("new_message", d -> id.equals(d.getString("id")));
      assertEquals(
          1,
          aliceOnA
              .received(
                  f ->
                      "user_online".equals(f.getString("event"))
                          && bob.id().equals(f.getJsonObject("data").getString("user_id")))
              .size(),
          "Bob's user_online, once");

      bobOnB.send("typing_start", "{\"room_id\":\"" + room + "\"}");
      aliceOnA.await("user_typing", d -> bob.id().equals(d.getString("user_id")));
      aliceOnA.await("user_stop_typing", d -> bob.id().equals(d.getString("user_id")));

      // Bob types again and his node dies mid-word: node A must end his typing and his presence.
      bobOnB.reply(bobOnB.send("typing_start", "{\"room_id\":\"" + room + "\"}"));
      aliceOnA.awaitAll(f -> "user_typing".equals(f.getString("event")), 2);
      nodeB.crash();
      aliceOnA.awaitAll(
          f ->
              "user_stop_typing".equals(f.getString("event"))
                  && bob.id().equals(f.getJsonObject("data").getString("user_id")),
          2);
      aliceOnA.await("user_offline", d -> bob.id().equals(d.getString("user_id")));
    } finally {
      nodeB.close();
    }
  }
}

package dev.nexuschat.realtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.LibertyInstance;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.TestServices;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two Liberty nodes on one PostgreSQL and one Redis: events, presence and typing cross nodes. */
@NexusIT
class TwoNodeIT {
  /** Node B's presence leases run out quickly, so its death shows within the test's patience. */
  private static final String NODE_B_LEASE_MS = "6000";

  @Test
  void eventsPresenceAndTypingCrossNodesAndADeadNodesUsersGoOffline() {
    TestServices services = NexusServer.services();
    LibertyInstance nodeB = LibertyInstance.start("node-b", Map.of(
        "NEXUS_DB_URL", services.jdbcUrl(),
        "NEXUS_DB_USER", services.dbUser(),
        "NEXUS_DB_PASSWORD", services.dbPassword(),
        "NEXUS_REDIS_URL", services.redisUrl(),
        "NEXUS_JWT_SECRET", NexusServer.jwtSecret(),
        "NEXUS_TRUSTED_PROXIES", "127.0.0.1,::1",
        "NEXUS_CORS_ORIGINS", NexusServer.CORS_ORIGIN,
        "NEXUS_PRESENCE_TTL_MS", NODE_B_LEASE_MS));
    TestUser alice = Api.newUser("n2_alice");
    TestUser bob = Api.newUser("n2_bob");
    String room = Api.newRoom(alice, bob);
    try (WsClient aliceOnA = WsClient.connect(NexusServer.node().baseUrl(), alice.accessToken())) {
      WsClient bobOnB = WsClient.connect(nodeB.baseUrl(), bob.accessToken());
      aliceOnA.await("user_online", d -> bob.id().equals(d.getString("user_id")));

      String ref = aliceOnA.send("send_message", "{\"room_id\":\"" + room + "\",\"content\":\"across nodes\"}");
      String id = aliceOnA.reply(ref).getJsonObject("data").getString("id");
      bobOnB.await("new_message", d -> id.equals(d.getString("id")));
      aliceOnA.await("new_message", d -> id.equals(d.getString("id")));

      bobOnB.send("typing_start", "{\"room_id\":\"" + room + "\"}");
      aliceOnA.await("user_typing", d -> bob.id().equals(d.getString("user_id")));
      aliceOnA.await("user_stop_typing", d -> bob.id().equals(d.getString("user_id")));

      nodeB.stop();
      // 1001 is sent on shutdown, but Liberty may drop the socket first (seen as 1006 here).
      int closeCode = bobOnB.awaitClose();
      assertTrue(closeCode == 1001 || closeCode == 1006, "closed with " + closeCode);
      aliceOnA.await("user_offline", d -> bob.id().equals(d.getString("user_id")));
    } finally {
      nodeB.close();
    }
  }
}

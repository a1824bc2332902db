package dev.nexuschat.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's group commit (room/control/GroupCommitAppend) spreads rooms over lanes: a room whose
 * lock another transaction holds stalls the sends of its lane only, never every send of the node.
 */
@NexusIT
class GroupCommitIT {
  /** As NEXUS_APPEND_LANES (default): which lane a room's sends queue on. */
  private static final int LANES = 4;

  @Test
  void aRoomHeldByAnotherTransactionDoesNotHoldUpSendsToRoomsOfOtherLanes() throws Exception {
    TestUser owner = Api.newUser("lane_owner");
    String held = Api.newRoom(owner);
    String other = Api.newRoom(owner);
    while (lane(other) == lane(held)) {
      other = Api.newRoom(owner);
    }

    CompletableFuture<Response> waiting;
    try (Connection lockHolder = NexusServer.services().openDatabase()) {
      lockHolder.setAutoCommit(false);
      try (PreparedStatement lock =
          lockHolder.prepareStatement("SELECT id FROM rooms WHERE id = ? FOR UPDATE")) {
        lock.setObject(1, UUID.fromString(held));
        lock.execute();
      }
      waiting = CompletableFuture.supplyAsync(() -> send(owner, held, "waits for the room"));
      AppendWaits.awaitAnAppendWaitingForALock();

      Response meanwhile = send(owner, other, "another lane");
      assertThat(meanwhile.statusCode()).isEqualTo(201);
      assertThat(waiting).isNotDone();
      lockHolder.commit();
    }
    assertThat(waiting.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
  }

  private static int lane(String roomId) {
    return Math.floorMod(UUID.fromString(roomId).hashCode(), LANES);
  }

  private static Response send(TestUser user, String room, String content) {
    return Api.as(user)
        .body(Map.of("content", content))
        .post("/api/v1/rooms/" + room + "/messages");
  }
}

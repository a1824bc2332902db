package dev.nexuschat.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  private static final String REFUSALS =
      "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM test_refusals";

  @Test
  void aRoomHeldByAnotherTransactionDoesNotHoldUpSendsToRoomsOfOtherLanes() throws Exception {
    TestUser owner = Api.newUser("lane_owner");
    String held = Api.newRoom(owner);
    String other = Api.newRoom(owner);
    while (lane(other) == lane(held)) {
      other = Api.newRoom(owner);
    }

    CompletableFuture<Response> waiting;
    try (Connection lockHolder = lockRoom(held)) {
      waiting = CompletableFuture.supplyAsync(() -> send(owner, held, "waits for the room"));
      AppendWaits.awaitAnAppendWaitingForALock();

      Response meanwhile = send(owner, other, "another lane");
      assertThat(meanwhile.statusCode()).isEqualTo(201);
      assertThat(waiting).isNotDone();
      lockHolder.commit();
    }
    assertThat(waiting.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
  }

  @Test
  void aBatchThatFailsIsRolledBackAndEachOfItsSendsIsAnsweredOnItsOwn() throws Exception {
    TestUser owner = Api.newUser("batch_owner");
    String room = Api.newRoom(owner);
    String refused = "refused by the test trigger " + UUID.randomUUID();
    // A database-side failure no request can provoke: a trigger that refuses one content, and a
    // sequence (never rolled back) that counts its refusals.
    StoredRows.update("CREATE SEQUENCE IF NOT EXISTS test_refusals");
    StoredRows.update(
        "CREATE OR REPLACE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$"
            + " BEGIN IF NEW.content LIKE 'refused by the test trigger%' THEN"
            + " PERFORM nextval('test_refusals'); RAISE EXCEPTION 'refused by the test';"
            + " END IF; RETURN NEW; END $$");
    StoredRows.update(
        "CREATE TRIGGER test_refuse BEFORE INSERT ON messages FOR EACH ROW"
            + " EXECUTE FUNCTION test_refuse()");
    long refusalsBefore = StoredRows.count(REFUSALS);
    ExecutorService senders = Executors.newFixedThreadPool(7); // the common pool may be 1 thread
    try {
      List<CompletableFuture<Response>> sends = new ArrayList<>();
      try (Connection lockHolder = lockRoom(room)) {
        // The lane's committer waits for the room with the first send; the others queue behind
        // it and go as one batch, the refused one in the middle.
        sends.add(CompletableFuture.supplyAsync(() -> send(owner, room, "first"), senders));
        AppendWaits.awaitAnAppendWaitingForALock();
        for (int i = 0; i < 6; i++) {
          String content = i == 3 ? refused : "batched " + i;
          sends.add(CompletableFuture.supplyAsync(() -> send(owner, room, content), senders));
        }
        Thread.sleep(1_500); // the six reach the lane's queue meanwhile
        lockHolder.commit();
      }

      List<Integer> statuses = new ArrayList<>();
      for (CompletableFuture<Response> send : sends) {
        statuses.add(send.get(40, TimeUnit.SECONDS).statusCode());
      }
      assertThat(statuses).containsOnly(201, 500);
      assertThat(statuses).filteredOn(status -> status == 500).hasSize(1);
      assertThat(
              StoredRows.column(
                  "SELECT content FROM messages WHERE room_id = ? ORDER BY seq",
                  UUID.fromString(room)))
          .containsExactlyInAnyOrder(
              "first", "batched 0", "batched 1", "batched 2", "batched 4", "batched 5");
      assertThat(
              StoredRows.column(
                  "SELECT seq FROM messages WHERE room_id = ? ORDER BY seq", UUID.fromString(room)))
          .containsExactly("1", "2", "3", "4", "5", "6");
      // Refused in the batch, then again alone: the rest of the batch went on without it.
      assertThat(StoredRows.count(REFUSALS) - refusalsBefore).isEqualTo(2);
    } finally {
      senders.shutdownNow();
      StoredRows.update("DROP TRIGGER test_refuse ON messages");
    }
  }

  /** An open transaction that holds {@code roomId}'s lock until it commits. */
  private static Connection lockRoom(String roomId) throws SQLException {
    Connection lockHolder = NexusServer.services().openDatabase();
    lockHolder.setAutoCommit(false);
    try (PreparedStatement lock =
        lockHolder.prepareStatement("SELECT id FROM rooms WHERE id = ? FOR UPDATE")) {
      lock.setObject(1, UUID.fromString(roomId));
      lock.execute();
    }
    return lockHolder;
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

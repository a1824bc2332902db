package dev.nexuschat.room;

import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.StoredRows;
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
 * A member removed while their message waits for the room is not in the room when it is stored: the
 * membership is checked under the room lock the append holds, not only before it.
 */
@NexusIT
class RemovedMemberIT {
  @Test
  void aPostWaitingForTheRoomWhileItsSenderIsRemovedIsRefusedAndNotStored() throws Exception {
    TestUser owner = Api.newUser("kick_owner");
    TestUser bob = Api.newUser("kick_bob");
    String room = Api.newRoom(owner, bob);

    CompletableFuture<Response> post;
    // The test holds the room lock (as a removal does while it runs), lets Bob's post queue
    // behind it, removes him and commits.
    try (Connection removal = NexusServer.services().openDatabase()) {
      removal.setAutoCommit(false);
      run(removal, "SELECT id FROM rooms WHERE id = ? FOR UPDATE", room);
      post =
          CompletableFuture.supplyAsync(
              () ->
                  Api.as(bob)
                      .body(Map.of("content", "sent while being removed"))
                      .post("/api/v1/rooms/" + room + "/messages"));
      AppendWaits.awaitAnAppendWaitingForALock();
      run(removal, "DELETE FROM room_members WHERE room_id = ? AND user_id = ?", room, bob.id());
      run(removal, "UPDATE rooms SET member_count = member_count - 1 WHERE id = ?", room);
      removal.commit();
    }

    assertProblem(post.get(20, TimeUnit.SECONDS), 403, "FORBIDDEN");
    assertThat(
            StoredRows.count(
                "SELECT count(*) FROM messages WHERE room_id = ? AND sender_id = ?",
                room,
                bob.id()))
        .isZero();
  }

  private static void run(Connection db, String sql, String... ids) throws Exception {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < ids.length; i++) {
        statement.setObject(i + 1, UUID.fromString(ids[i]));
      }
      statement.execute();
    }
  }
}

package dev.nexuschat.realtime;

import static dev.nexuschat.testsupport.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import io.restassured.path.json.JsonPath;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

@NexusIT
class OrderingIT {
  private static final int PER_SENDER = 100;

  @Test
  void threeConcurrentSendersAreSeenInHistoryOrderByEveryConnection() {
    List<TestUser> senders =
        List.of(Api.newUser("ord_a"), Api.newUser("ord_b"), Api.newUser("ord_c"));
    TestUser watcher = Api.newUser("ord_w");
    String room = Api.newRoom(senders.get(0), senders.get(1), senders.get(2), watcher);
    List<WsClient> receivers = new ArrayList<>();
    try {
      for (TestUser sender : senders) {
        receivers.add(WsClient.connect(sender));
      }
      receivers.add(WsClient.connect(watcher));
      receivers.add(WsClient.connect(watcher));
      List<CompletableFuture<Void>> sending = new ArrayList<>();
      for (int s = 0; s < senders.size(); s++) {
        WsClient client = receivers.get(s);
        int sender = s;
        sending.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < PER_SENDER; i++) {
                    client.send(
                        "send_message",
                        "{\"room_id\":\""
                            + room
                            + "\",\"content\":\"s"
                            + sender
                            + " #"
                            + i
                            + "\"}");
                  }
                }));
      }
      sending.forEach(CompletableFuture::join);
      int total = senders.size() * PER_SENDER;
      Predicate<JsonObject> newMessage = f -> "new_message".equals(f.getString("event"));
      List<List<String>> seenByEach = new ArrayList<>();
      for (WsClient receiver : receivers) {
        seenByEach.add(
            receiver.awaitAll(newMessage, total).stream()
                .map(f -> f.getJsonObject("data").getString("id"))
                .toList());
      }
      List<String> history = history(watcher, room);
      assertEquals(total, history.size());
      for (List<String> seen : seenByEach) {
        assertEquals(history, seen);
      }
    } finally {
      receivers.forEach(WsClient::close);
    }
  }

  @Test
  void catchUpAfterADisconnectLosesNothing() {
    TestUser alice = Api.newUser("cu_alice");
    TestUser bob = Api.newUser("cu_bob");
    String room = Api.newRoom(alice, bob);
    String lastSeen;
    try (WsClient bobTab = WsClient.connect(bob)) {
      String first = Api.send(alice, room, "before");
      lastSeen =
          bobTab
              .await("new_message", d -> first.equals(d.getString("id")))
              .getJsonObject("data")
              .getString("id");
    }
    List<String> missed =
        List.of(Api.send(alice, room, "while away 1"), Api.send(alice, room, "while away 2"));
    try (WsClient bobTab = WsClient.connect(bob)) {
      List<String> caughtUp =
          as(bob)
              .get("/api/v1/rooms/" + room + "/messages?after=" + lastSeen)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("messages.id", String.class);
      assertEquals(missed, caughtUp);
      String live = Api.send(alice, room, "live again");
      bobTab.await("new_message", d -> live.equals(d.getString("id")));
    }
  }

  /** The room's history, oldest first, paging back from the newest. */
  private static List<String> history(TestUser user, String room) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      JsonPath page =
          as(user)
              .get(
                  "/api/v1/rooms/"
                      + room
                      + "/messages?limit=100"
                      + (cursor == null ? "" : "&cursor=" + cursor))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<String> pageIds = new ArrayList<>(page.getList("messages.id", String.class));
      Collections.reverse(pageIds);
      ids.addAll(pageIds);
      cursor = page.getBoolean("has_more") ? page.getString("next_cursor") : null;
    } while (cursor != null);
    Collections.reverse(ids);
    return ids;
  }
}

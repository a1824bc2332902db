package dev.nexuschat.room;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.EmbeddedNode;
import dev.nexuschat.testsupport.Metrics;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The room timeline's rules, once, against both ways of appending: the single statement on
 * PostgreSQL (the shared node) and the entities on the embedded H2 default. So the default and
 * production cannot drift apart.
 */
@NexusIT
@ExtendWith(EmbeddedNode.class)
class TimelineContractIT {
  private static final int POSTERS = 16;
  private static final int MESSAGES_EACH = 10;

  private static String nodeOf(String database) {
    return EmbeddedNode.baseUrl(database);
  }

  /** One database's node, and requests to it. */
  private record Node(String baseUrl) {
    static Node of(String database) {
      return new Node(nodeOf(database));
    }

    TestUser user(String prefix) {
      return Api.newUser(baseUrl, prefix);
    }

    RequestSpecification as(TestUser user) {
      return given()
          .baseUri(baseUrl)
          .header("X-Forwarded-For", Api.uniqueIp())
          .header("Authorization", "Bearer " + user.accessToken())
          .contentType(ContentType.JSON)
          .accept(ContentType.JSON);
    }

    String room(TestUser owner, TestUser... members) {
      return as(owner)
          .body(
              Map.of(
                  "name", "Timeline", "member_ids", Stream.of(members).map(TestUser::id).toList()))
          .post("/api/v1/rooms")
          .then()
          .statusCode(201)
          .extract()
          .path("id");
    }

    Response post(TestUser sender, String room, Map<String, String> body) {
      return as(sender).body(body).post("/api/v1/rooms/" + room + "/messages");
    }

    String send(TestUser sender, String room, String content) {
      return post(sender, room, Map.of("content", content))
          .then()
          .statusCode(201)
          .extract()
          .path("id");
    }

    /** The room's whole history, oldest first, as the API pages it. */
    List<Map<String, Object>> history(TestUser reader, String room) {
      List<Map<String, Object>> all = new ArrayList<>();
      String cursor = null;
      do {
        Response page =
            as(reader)
                .get(
                    "/api/v1/rooms/"
                        + room
                        + "/messages?limit=100"
                        + (cursor == null ? "" : "&cursor=" + cursor));
        page.then().statusCode(200);
        List<Map<String, Object>> messages = page.path("messages");
        all.addAll(0, messages);
        cursor = page.path("has_more") ? (String) messages.get(0).get("id") : null;
      } while (cursor != null);
      return all;
    }

    Map<String, Object> listed(TestUser user, String room) {
      List<Map<String, Object>> rooms =
          as(user).get("/api/v1/rooms").then().statusCode(200).extract().jsonPath().getList("$");
      return rooms.stream().filter(r -> room.equals(r.get("id"))).findFirst().orElseThrow();
    }

    long unread(TestUser user, String room) {
      return ((Number) listed(user, room).get("unread_count")).longValue();
    }

    void delete(TestUser user, String room, String message) {
      as(user).delete("/api/v1/rooms/" + room + "/messages/" + message).then().statusCode(204);
    }
  }

  @ParameterizedTest
  @MethodSource(EmbeddedNode.DATABASES)
  void aClientIdRepeatIsAnsweredWithTheOriginalAndStoresNothing(String database) {
    Node node = Node.of(database);
    TestUser ann = node.user("tl_ann");
    String room = node.room(ann);
    Map<String, String> draft = Map.of("content", "once", "client_id", "c-1");

    String first = node.post(ann, room, draft).then().statusCode(201).extract().path("id");
    String again = node.post(ann, room, draft).then().statusCode(200).extract().path("id");

    assertEquals(first, again);
    assertEquals(1, node.history(ann, room).size());
  }

  @ParameterizedTest
  @MethodSource(EmbeddedNode.DATABASES)
  void aReplyToADeletedMessageIsRefusedButARetryOfOneMadeBeforeIsARepeat(String database) {
    Node node = Node.of(database);
    TestUser ann = node.user("tl_ann");
    String room = node.room(ann);
    String parent = node.send(ann, room, "parent");
    Map<String, String> reply = Map.of("content", "reply", "parent_id", parent, "client_id", "r-1");
    String replied = node.post(ann, room, reply).then().statusCode(201).extract().path("id");
    node.delete(ann, room, parent);

    assertEquals(replied, node.post(ann, room, reply).then().statusCode(200).extract().path("id"));
    node.post(ann, room, Map.of("content", "late reply", "parent_id", parent))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("parent_id"));
  }

  @ParameterizedTest
  @MethodSource(EmbeddedNode.DATABASES)
  void concurrentPostersGetOneOrderWhoseTimesNeverGoBackwards(String database) throws Exception {
    Node node = Node.of(database);
    TestUser owner = node.user("tl_owner");
    List<TestUser> posters = new ArrayList<>();
    for (int i = 0; i < POSTERS; i++) {
      posters.add(node.user("tl_poster"));
    }
    String room = node.room(owner, posters.toArray(TestUser[]::new));
    Metrics metricsBefore = Metrics.scrape(node.baseUrl());
    ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
    Set<String> sent = Collections.synchronizedSet(new HashSet<>());
    try {
      List<CompletableFuture<Void>> posting = new ArrayList<>();
      for (TestUser poster : posters) {
        posting.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int m = 0; m < MESSAGES_EACH; m++) {
                    sent.add(node.send(poster, room, poster.username() + " " + m));
                  }
                },
                pool));
      }
      CompletableFuture.allOf(posting.toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdownNow();
    }

    List<Map<String, Object>> history = node.history(owner, room);
    List<String> ids = history.stream().map(m -> (String) m.get("id")).toList();
    assertEquals(POSTERS * MESSAGES_EACH, ids.size());
    assertEquals(sent, new HashSet<>(ids), "every message once");
    for (int i = 1; i < history.size(); i++) {
      Instant before = Instant.parse((String) history.get(i - 1).get("created_at"));
      Instant after = Instant.parse((String) history.get(i).get("created_at"));
      assertTrue(!after.isBefore(before), "time goes backwards at " + i);
    }
    Map<String, Object> listed = node.listed(owner, room);
    assertEquals(ids.get(ids.size() - 1), ((Map<?, ?>) listed.get("last_message")).get("id"));
    assertEquals(POSTERS * MESSAGES_EACH, node.unread(owner, room));
    TestUser poster = posters.get(0);
    assertEquals(countAfterLastOwn(history, poster), node.unread(poster, room));
    if (database.equals("PostgreSQL")) {
      // Group commit: concurrent sends shared commits, and each of them was in one.
      Metrics after = Metrics.scrape(node.baseUrl());
      double messages = delta(metricsBefore, after, "nexus_append_batch_size_sum");
      double commits = delta(metricsBefore, after, "nexus_append_batch_size_count");
      assertEquals(POSTERS * MESSAGES_EACH, messages, "messages appended by group commit");
      assertTrue(commits < messages, commits + " commits for " + messages + " messages");
    }
  }

  private static double delta(Metrics before, Metrics after, String sample) {
    return after.value(sample) - before.value(sample);
  }

  /** Messages after {@code poster}'s own newest: posting moved their mark there. */
  private static long countAfterLastOwn(List<Map<String, Object>> history, TestUser poster) {
    int last = -1;
    for (int i = 0; i < history.size(); i++) {
      if (poster.id().equals(((Map<?, ?>) history.get(i).get("sender")).get("id"))) {
        last = i;
      }
    }
    return history.size() - 1 - last;
  }

  @ParameterizedTest
  @MethodSource(EmbeddedNode.DATABASES)
  void aReadMarkOnlyMovesForwardAndOwnMessagesNeverCount(String database) {
    Node node = Node.of(database);
    TestUser ann = node.user("tl_ann");
    TestUser bob = node.user("tl_bob");
    String room = node.room(ann, bob);
    String first = node.send(ann, room, "one");
    String second = node.send(ann, room, "two");
    node.send(ann, room, "three");
    assertEquals(3, node.unread(bob, room));
    assertEquals(0, node.unread(ann, room));

    markRead(node, bob, room, second, 1);
    markRead(node, bob, room, first, 1); // an older message does not move the mark back
    node.send(bob, room, "mine");
    assertEquals(0, node.unread(bob, room), "posting moves the poster's mark");
  }

  private static void markRead(Node node, TestUser user, String room, String message, int unread) {
    node.as(user)
        .body(Map.of("message_id", message))
        .post("/api/v1/rooms/" + room + "/read")
        .then()
        .statusCode(200)
        .body("unread_count", equalTo(unread));
    assertEquals(unread, node.unread(user, room));
  }

  @ParameterizedTest
  @MethodSource(EmbeddedNode.DATABASES)
  void deletedMessagesLeaveTheUnreadCountAndTheNewestIsThePreviousVisibleOne(String database) {
    Node node = Node.of(database);
    TestUser ann = node.user("tl_ann");
    TestUser bob = node.user("tl_bob");
    String room = node.room(ann, bob);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(node.send(ann, room, "m" + i));
    }
    node.delete(ann, room, ids.get(1));
    node.delete(ann, room, ids.get(3));

    assertEquals(2, node.unread(bob, room));
    assertEquals(ids.get(2), ((Map<?, ?>) node.listed(bob, room).get("last_message")).get("id"));
  }

  @ParameterizedTest
  @MethodSource(EmbeddedNode.DATABASES)
  void aPostRacingARemovalIsStoredAndAnsweredOrRefusedAndNoneGoesThroughAfterIt(String database)
      throws Exception {
    Node node = Node.of(database);
    TestUser ann = node.user("tl_ann");
    TestUser bob = node.user("tl_bob");
    String room = node.room(ann, bob);
    Map<String, Integer> answers = new HashMap<>();
    List<String> stored = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> posting =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 200; i++) {
                Response answer = node.post(bob, room, Map.of("content", "racing " + i));
                synchronized (answers) {
                  answers.merge(String.valueOf(answer.statusCode()), 1, Integer::sum);
                }
                if (answer.statusCode() == 201) {
                  stored.add(answer.path("id"));
                } else {
                  assertTrue(List.of(403, 409).contains(answer.statusCode()), answer.asString());
                  if (answer.statusCode() == 403) {
                    return;
                  }
                }
              }
            });
    Thread.sleep(100);
    node.as(ann).delete("/api/v1/rooms/" + room + "/members/" + bob.id()).then().statusCode(204);
    posting.get();

    node.post(bob, room, Map.of("content", "after")).then().statusCode(403);
    Set<String> bobsInHistory = new HashSet<>();
    for (Map<String, Object> message : node.history(ann, room)) {
      if (bob.id().equals(((Map<?, ?>) message.get("sender")).get("id"))) {
        bobsInHistory.add((String) message.get("id"));
      }
    }
    assertEquals(new HashSet<>(stored), bobsInHistory, "answered " + answers);
  }
}

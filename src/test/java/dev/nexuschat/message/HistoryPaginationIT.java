package dev.nexuschat.message;

import static dev.nexuschat.testsupport.Api.as;
import static dev.nexuschat.testsupport.Problems.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyset paging over a room of 200+ messages, a hundred of which share one created_at: every
 * visible message exactly once, oldest first, whatever the page size and whatever arrives
 * meanwhile.
 */
@NexusIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryPaginationIT {
  private static final int MESSAGES = 210;

  private TestUser alice;
  private TestUser bob;
  private String room;
  private ExecutorService pool;

  @BeforeAll
  void fillARoomConcurrentlyAndSquashTimestamps() throws Exception {
    alice = Api.newUser("pg_alice");
    bob = Api.newUser("pg_bob");
    room = Api.newRoom(alice, bob);
    pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> sent = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      TestUser sender = i % 2 == 0 ? alice : bob;
      String content = "message " + i;
      sent.add(
          pool.submit(
              () -> {
                start.await();
                return Api.send(sender, room, content);
              }));
    }
    start.countDown();
    for (Future<String> future : sent) {
      future.get(120, TimeUnit.SECONDS);
    }
    // A hundred messages in the middle share one timestamp (still never decreasing along seq).
    StoredRows.update(
        "UPDATE messages SET created_at ="
            + " (SELECT created_at FROM messages WHERE room_id = ? AND seq = 160)"
            + " WHERE room_id = ? AND seq BETWEEN 60 AND 160",
        room,
        room);
    // And the first twenty share another.
    StoredRows.update(
        "UPDATE messages SET created_at ="
            + " (SELECT created_at FROM messages WHERE room_id = ? AND seq = 20)"
            + " WHERE room_id = ? AND seq <= 20",
        room,
        room);
    // A few tombstones, some at likely page boundaries.
    for (String id :
        StoredRows.column(
            "SELECT id FROM messages WHERE room_id = ? AND seq IN (3, 50, 100, 101, 151)"
                + " ORDER BY seq",
            room)) {
      as(alice).delete("/api/v1/rooms/" + room + "/messages/" + id).then().statusCode(204);
    }
  }

  @AfterAll
  void stopPool() {
    pool.shutdownNow();
  }

  private String messagesPath() {
    return "/api/v1/rooms/" + room + "/messages";
  }

  private JsonPath page(TestUser reader, String query) {
    return as(reader).get(messagesPath() + query).then().statusCode(200).extract().jsonPath();
  }

  /** Pages backwards from the newest to the beginning, checking each page's own rules. */
  private List<String> readBackwards(int limit, Runnable afterFirstPage) {
    List<List<String>> pages = new ArrayList<>();
    String cursor = null;
    int guard = 0;
    while (true) {
      JsonPath page = page(bob, "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
      List<String> ids = page.getList("messages.id");
      List<String> times = page.getList("messages.created_at");
      assertTrue(ids.size() <= Math.min(limit, 100), "page larger than its limit");
      assertChronological(times);
      boolean hasMore = page.getBoolean("has_more");
      String next = page.getString("next_cursor");
      if (hasMore) {
        assertEquals(Math.min(limit, 100), ids.size(), "a page before the beginning is full");
        assertEquals(ids.get(0), next, "next_cursor is the oldest id of the page");
      } else {
        assertNull(next, "the beginning has no next_cursor");
      }
      pages.add(0, ids);
      if (pages.size() == 1 && afterFirstPage != null) {
        afterFirstPage.run();
      }
      if (!hasMore) {
        break;
      }
      cursor = next;
      assertTrue(++guard < 1000, "paging does not end");
    }
    List<String> all = new ArrayList<>();
    pages.forEach(all::addAll);
    return all;
  }

  private static void assertChronological(List<String> times) {
    for (int i = 1; i < times.size(); i++) {
      assertFalse(
          Instant.parse(times.get(i)).isBefore(Instant.parse(times.get(i - 1))),
          "created_at goes backwards at " + i + ": " + times);
    }
  }

  private static void assertExactlyOnce(List<String> expected, List<String> actual) {
    Set<String> seen = new HashSet<>();
    for (String id : actual) {
      assertTrue(seen.add(id), "message " + id + " appears twice");
    }
    assertEquals(expected, actual);
  }

  @Test
  void roomReallyHasManyMessagesSharingOneTimestamp() {
    long sharing =
        StoredRows.count(
            "SELECT MAX(c) FROM (SELECT COUNT(*) AS c FROM messages"
                + " WHERE room_id = ? GROUP BY created_at) t",
            room);
    assertTrue(sharing >= 100, "only " + sharing + " share a timestamp");
    assertTrue(StoredRows.visibleMessageIds(room).size() >= 200);
  }

  @ParameterizedTest(name = "limit {0}")
  @ValueSource(ints = {7, 43, 50, 100})
  void everyVisibleMessageAppearsExactlyOnceInHistoryOrder(int limit) {
    List<String> expected = StoredRows.visibleMessageIds(room);
    List<String> actual = readBackwards(limit, null);
    assertExactlyOnce(expected, actual);
  }

  @Test
  void pageSizeThatDividesTheHistoryEndsWithHasMoreFalseOnTheLastFullPage() {
    // A fresh room with exactly 6 messages read 3 at a time: the second page is the beginning.
    String small = Api.newRoom(alice, bob);
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sent.add(Api.send(alice, small, "m" + i));
    }
    JsonPath first =
        as(bob)
            .get("/api/v1/rooms/" + small + "/messages?limit=3")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(sent.subList(3, 6), first.getList("messages.id"));
    assertTrue(first.getBoolean("has_more"));
    assertEquals(sent.get(3), first.getString("next_cursor"));
    JsonPath second =
        as(bob)
            .get("/api/v1/rooms/" + small + "/messages?limit=3&cursor=" + sent.get(3))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(sent.subList(0, 3), second.getList("messages.id"));
    assertFalse(second.getBoolean("has_more"));
    assertNull(second.get("next_cursor"));
    JsonPath beyond =
        as(bob)
            .get("/api/v1/rooms/" + small + "/messages?cursor=" + sent.get(0))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(beyond.getList("messages").isEmpty());
    assertFalse(beyond.getBoolean("has_more"));
    assertNull(beyond.get("next_cursor"));
  }

  @Test
  void emptyRoomIsTheBeginning() {
    String empty = Api.newRoom(alice);
    JsonPath page =
        as(alice)
            .get("/api/v1/rooms/" + empty + "/messages")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(page.getList("messages").isEmpty());
    assertFalse(page.getBoolean("has_more"));
    assertNull(page.get("next_cursor"));
  }

  @Test
  void defaultPageIsTheNewestFifty() {
    List<String> expected = StoredRows.visibleMessageIds(room);
    JsonPath page = page(bob, "");
    assertEquals(
        expected.subList(expected.size() - 50, expected.size()), page.getList("messages.id"));
    assertTrue(page.getBoolean("has_more"));
  }

  @Test
  void messagesArrivingWhilePagingBackwardsDoNotDisturbIt() {
    List<String> before = StoredRows.visibleMessageIds(room);
    List<String> arrived = new ArrayList<>();
    List<String> actual =
        readBackwards(
            30,
            () -> {
              for (int i = 0; i < 5; i++) {
                arrived.add(Api.send(alice, room, "late " + i));
              }
            });
    assertExactlyOnce(before, actual);
    List<String> after = StoredRows.visibleMessageIds(room);
    assertEquals(arrived, after.subList(after.size() - 5, after.size()));
  }

  @Test
  void cursorOnADeletedMessageStillWorks() {
    String tombstone =
        StoredRows.column("SELECT id FROM messages WHERE room_id = ? AND seq = 100", room).get(0);
    List<String> olderVisible =
        StoredRows.column(
            "SELECT id FROM messages WHERE room_id = ?"
                + " AND deleted_at IS NULL AND seq < 100 ORDER BY seq",
            room);
    JsonPath page = page(bob, "?limit=10&cursor=" + tombstone);
    assertEquals(
        olderVisible.subList(olderVisible.size() - 10, olderVisible.size()),
        page.getList("messages.id"));
    assertTrue(page.getBoolean("has_more"));
  }

  @Test
  void afterCatchesUpWithExactlyTheNewerMessagesOldestFirstAndContinues() {
    List<String> expected = StoredRows.visibleMessageIds(room);
    int from = 37;
    List<String> caughtUp = new ArrayList<>();
    String after = expected.get(from);
    int guard = 0;
    while (true) {
      JsonPath page = page(bob, "?limit=25&after=" + after);
      List<String> ids = page.getList("messages.id");
      assertChronological(page.getList("messages.created_at"));
      caughtUp.addAll(ids);
      if (!page.getBoolean("has_more")) {
        break;
      }
      assertEquals(25, ids.size());
      after = page.getString("next_cursor");
      assertEquals(
          ids.get(ids.size() - 1), after, "forward next_cursor is the newest id of the page");
      assertTrue(++guard < 100);
    }
    assertExactlyOnce(expected.subList(from + 1, expected.size()), caughtUp);
  }

  @Test
  void afterTheNewestMessageIsEmpty() {
    List<String> expected = StoredRows.visibleMessageIds(room);
    JsonPath page = page(bob, "?after=" + expected.get(expected.size() - 1));
    assertTrue(page.getList("messages").isEmpty());
    assertFalse(page.getBoolean("has_more"));
    assertNull(page.get("next_cursor"));
  }

  @Test
  void afterADeletedMessageStillWorks() {
    String tombstone =
        StoredRows.column("SELECT id FROM messages WHERE room_id = ? AND seq = 50", room).get(0);
    List<String> newer =
        StoredRows.column(
            "SELECT id FROM messages WHERE room_id = ?"
                + " AND deleted_at IS NULL AND seq > 50 ORDER BY seq LIMIT 5",
            room);
    assertEquals(newer, page(bob, "?limit=5&after=" + tombstone).getList("messages.id"));
  }

  @Test
  void cursorAndAfterTogetherAreRejected() {
    String id = StoredRows.visibleMessageIds(room).get(10);
    assertInvalid(as(bob).get(messagesPath() + "?cursor=" + id + "&after=" + id), "after");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "abc", "1.5", "-99999999999"})
  void badLimitIsRejected(String limit) {
    assertInvalid(as(bob).get(messagesPath() + "?limit=" + limit), "limit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1000", "2147483648", "99999999999"})
  void limitAboveTheMaximumIsClampedToOneHundred(String limit) {
    // The contract clamps whatever is above the maximum, also past what an int holds.
    JsonPath page = page(bob, "?limit=" + limit);
    assertEquals(100, page.getList("messages").size());
    assertTrue(page.getBoolean("has_more"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"nope", "123", "00000000-0000-0000-0000-00000000000z", "%27%20OR%201%3D1"})
  void malformedCursorIsRejected(String cursor) {
    assertInvalid(as(bob).get(messagesPath() + "?cursor=" + cursor), "cursor");
    assertInvalid(as(bob).get(messagesPath() + "?after=" + cursor), "after");
  }

  @Test
  void unknownMessageAsCursorIsRejected() {
    assertInvalid(as(bob).get(messagesPath() + "?cursor=" + java.util.UUID.randomUUID()), "cursor");
  }

  @Test
  void cursorFromAnotherRoomIsRejected() {
    String other = Api.newRoom(alice, bob);
    String foreign = Api.send(alice, other, "elsewhere");
    assertInvalid(as(bob).get(messagesPath() + "?cursor=" + foreign), "cursor");
    assertInvalid(as(bob).get(messagesPath() + "?after=" + foreign), "after");
  }

  /** Pages from a window to both ends of the history: older with cursor=, newer with after=. */
  private List<String> readBothWaysFrom(JsonPath window) {
    List<String> all = new ArrayList<>(window.getList("messages.id"));
    String cursor = window.getString("next_cursor");
    assertEquals(window.getBoolean("has_more"), cursor != null);
    for (int guard = 0; cursor != null; guard++) {
      JsonPath older = page(bob, "?limit=30&cursor=" + cursor);
      all.addAll(0, older.getList("messages.id"));
      cursor = older.getBoolean("has_more") ? older.getString("next_cursor") : null;
      assertTrue(guard < 100, "paging older does not end");
    }
    String after = window.getString("newer_cursor");
    assertEquals(window.getBoolean("has_newer"), after != null);
    for (int guard = 0; after != null; guard++) {
      JsonPath newer = page(bob, "?limit=30&after=" + after);
      all.addAll(newer.getList("messages.id"));
      after = newer.getBoolean("has_more") ? newer.getString("next_cursor") : null;
      assertTrue(guard < 100, "paging newer does not end");
    }
    return all;
  }

  @ParameterizedTest(name = "limit {0}")
  @ValueSource(ints = {1, 2, 21, 50, 100})
  void aroundCentresOnTheMessageAndPagesBothWaysToEveryMessageOnce(int limit) {
    List<String> expected = StoredRows.visibleMessageIds(room);
    int at = 120; // among the hundred sharing one timestamp
    JsonPath window = page(bob, "?limit=" + limit + "&around=" + expected.get(at));
    assertChronological(window.getList("messages.created_at"));
    int older = (limit - 1) / 2;
    assertEquals(expected.subList(at - older, at - older + limit), window.getList("messages.id"));
    assertTrue(window.getBoolean("has_more"));
    assertTrue(window.getBoolean("has_newer"));
    assertExactlyOnce(expected, readBothWaysFrom(window));
  }

  @Test
  void aroundTheNewestAndTheOldestMessageReachesTheEnds() {
    List<String> expected = StoredRows.visibleMessageIds(room);
    JsonPath newest = page(bob, "?limit=9&around=" + expected.get(expected.size() - 1));
    assertEquals(
        expected.subList(expected.size() - 5, expected.size()), newest.getList("messages.id"));
    assertFalse(newest.getBoolean("has_newer"));
    assertNull(newest.get("newer_cursor"));
    JsonPath oldest = page(bob, "?limit=9&around=" + expected.get(0));
    assertEquals(expected.subList(0, 5), oldest.getList("messages.id"));
    assertFalse(oldest.getBoolean("has_more"));
    assertNull(oldest.get("next_cursor"));
    assertExactlyOnce(expected, readBothWaysFrom(oldest));
  }

  @Test
  void aroundADeletedUnknownOrForeignMessageIsRejected() {
    String tombstone =
        StoredRows.column("SELECT id FROM messages WHERE room_id = ? AND seq = 100", room).get(0);
    assertInvalid(as(bob).get(messagesPath() + "?around=" + tombstone), "around");
    assertInvalid(as(bob).get(messagesPath() + "?around=" + java.util.UUID.randomUUID()), "around");
    String other = Api.newRoom(alice, bob);
    String foreign = Api.send(alice, other, "elsewhere");
    assertInvalid(as(bob).get(messagesPath() + "?around=" + foreign), "around");
    assertInvalid(as(bob).get(messagesPath() + "?around=nope"), "around");
  }

  @Test
  void aroundWithCursorOrAfterIsRejected() {
    String id = StoredRows.visibleMessageIds(room).get(10);
    assertInvalid(as(bob).get(messagesPath() + "?around=" + id + "&cursor=" + id), "around");
    assertInvalid(as(bob).get(messagesPath() + "?around=" + id + "&after=" + id), "around");
  }
}

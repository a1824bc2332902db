package dev.nexuschat.search;

import static dev.nexuschat.testsupport.Problems.assertInvalid;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What message search answers, on whichever database the node runs: PostgreSQL full text in {@link
 * SearchIT}, the embedded H2 database's scan in {@link SearchOnEmbeddedDatabaseIT}. Every test
 * makes up its own words, so results from other tests (or runs) never mix in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchScenarios {
  private static final Random RANDOM = new Random();

  /** The node under test. */
  abstract String baseUrl();

  private TestUser caller;

  /**
   * One user for the checks of bad input, which change nothing: registering (bcrypt) is the slowest
   * part of a test on a busy machine.
   */
  TestUser caller() {
    if (caller == null) {
      caller = user("s_caller");
    }
    return caller;
  }

  /** A word no other test (or run) writes: letters only, so every parser reads it as one word. */
  static String word() {
    StringBuilder word = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return word.toString();
  }

  TestUser user(String prefix) {
    return Api.newUser(baseUrl(), prefix);
  }

  RequestSpecification as(TestUser user) {
    return Api.as(baseUrl(), user);
  }

  String room(TestUser owner, TestUser... members) {
    return Api.newRoom(baseUrl(), owner, members);
  }

  String send(TestUser sender, String room, String content) {
    return Api.send(baseUrl(), sender, room, content);
  }

  Response search(TestUser user, Map<String, ?> params) {
    return as(user).queryParams(params).get("/api/v1/search/messages");
  }

  JsonPath found(TestUser user, Map<String, ?> params) {
    return search(user, params).then().statusCode(200).extract().jsonPath();
  }

  List<String> ids(TestUser user, String q) {
    return found(user, Map.of("q", q)).getList("results.message.id");
  }

  @Test
  void moreMatchesRankHigherAndEqualMatchesNewestFirst() {
    TestUser alice = user("s_rank_a");
    String room = room(alice);
    String w = word();
    String older = send(alice, room, w + " once");
    String best = send(alice, room, w + " " + w + " " + w);
    String newer = send(alice, room, w + " again");
    send(alice, room, "nothing to see");
    assertThat(ids(alice, w)).containsExactly(best, newer, older);
  }

  @Test
  void resultShowsTheMessageItsRoomAndAHighlightedSnippet() {
    TestUser alice = user("s_snip_a");
    TestUser bob = user("s_snip_b");
    String room = room(alice, bob);
    String w = word();
    String content = "Heads up: the " + w + " report is <b>ready</b>";
    String id = send(bob, room, content);
    JsonPath page = found(alice, Map.of("q", w));
    assertThat(page.getList("results")).hasSize(1);
    assertThat(page.getString("results[0].message.id")).isEqualTo(id);
    assertThat(page.getString("results[0].message.room_id")).isEqualTo(room);
    assertThat(page.getString("results[0].message.content")).isEqualTo(content);
    assertThat(page.getString("results[0].message.sender.id")).isEqualTo(bob.id());
    assertThat(page.getString("results[0].message.created_at")).isNotBlank();
    assertThat(page.getString("results[0].room.id")).isEqualTo(room);
    assertThat(page.getString("results[0].room.name")).isEqualTo("Room of " + alice.username());
    List<Map<String, Object>> snippet = page.getList("results[0].snippet");
    String text = snippet.stream().map(s -> (String) s.get("text")).collect(Collectors.joining());
    assertThat(text).isEqualTo(content); // a short message is shown whole, markup as text
    assertThat(snippet)
        .filteredOn(s -> Boolean.TRUE.equals(s.get("match")))
        .extracting(s -> s.get("text"))
        .containsExactly(w);
    assertThat(page.getBoolean("has_more")).isFalse();
    assertThat(page.getString("next_cursor")).isNull();
  }

  @Test
  void wordsMatchCaseInsensitivelyAndAllAreRequired() {
    TestUser alice = user("s_and_a");
    String room = room(alice);
    String w = word();
    String v = word();
    String both = send(alice, room, "The " + w.toUpperCase() + " and the " + v + " reports");
    send(alice, room, "only " + w);
    assertThat(ids(alice, w + " " + v)).containsExactly(both);
    assertThat(ids(alice, v + " report")).containsExactly(both); // "report" finds "reports"
    assertThat(ids(alice, w + " -" + v)).hasSize(1).doesNotContain(both);
    assertThat(ids(alice, v + " or " + w)).hasSize(2);
  }

  @Test
  void quotedWordsAreAPhrase() {
    TestUser alice = user("s_phrase_a");
    String room = room(alice);
    String w = word();
    String v = word();
    String inOrder = send(alice, room, "say " + w + " " + v + " now");
    send(alice, room, v + " " + w); // both words, wrong order, across the two halves' seam
    assertThat(ids(alice, "\"" + w + " " + v + "\"")).containsExactly(inOrder);
    assertThat(ids(alice, "\"" + v + " " + w)).hasSize(1).doesNotContain(inOrder); // unclosed
  }

  @Test
  void fromAndRoomIdNarrowTheSearch() {
    TestUser alice = user("s_filter_a");
    TestUser bob = user("s_filter_b");
    String first = room(alice, bob);
    String second = room(bob, alice);
    String w = word();
    String byAliceInFirst = send(alice, first, w + " one");
    String byBobInFirst = send(bob, first, w + " two");
    String byBobInSecond = send(bob, second, w + " three");
    assertThat(found(alice, Map.of("q", w, "from", bob.username())).getList("results.message.id"))
        .containsExactlyInAnyOrder(byBobInFirst, byBobInSecond);
    assertThat(
            found(alice, Map.of("q", w, "from", bob.username().toUpperCase()))
                .getList("results.message.id"))
        .containsExactlyInAnyOrder(byBobInFirst, byBobInSecond);
    assertThat(found(alice, Map.of("q", w, "from", bob.id())).getList("results.message.id"))
        .containsExactlyInAnyOrder(byBobInFirst, byBobInSecond);
    assertThat(found(alice, Map.of("q", w, "from", "nobody_" + w)).getList("results")).isEmpty();
    assertThat(found(alice, Map.of("q", w, "room_id", first)).getList("results.message.id"))
        .containsExactlyInAnyOrder(byAliceInFirst, byBobInFirst);
    assertThat(
            found(alice, Map.of("q", w, "room_id", first, "from", alice.id()))
                .getList("results.message.id"))
        .containsExactly(byAliceInFirst);
  }

  @Test
  void pagesWithTheCursorHoldEveryMatchOnceInRankOrder() {
    TestUser alice = user("s_page_a");
    String room = room(alice);
    String w = word();
    Set<String> sent = new HashSet<>();
    for (int i = 0; i < 23; i++) {
      // scores repeat (i % 3), so pages cut through ties
      String repeated =
          IntStream.rangeClosed(0, i % 3).mapToObj(n -> w).collect(Collectors.joining(" "));
      sent.add(send(alice, room, repeated + " number " + i));
    }
    List<String> oneGo = found(alice, Map.of("q", w, "limit", 50)).getList("results.message.id");
    assertThat(oneGo).hasSize(23);
    List<String> paged = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 20; pages++) {
      Map<String, Object> params = new java.util.HashMap<>(Map.of("q", w, "limit", 4));
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      JsonPath page = found(alice, params);
      List<String> ids = page.getList("results.message.id");
      paged.addAll(ids);
      cursor = page.getString("next_cursor");
      assertThat(page.getBoolean("has_more")).isEqualTo(cursor != null);
      if (cursor == null) {
        break;
      }
      assertThat(ids).hasSize(4);
    }
    assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(oneGo);
    assertThat(Set.copyOf(paged)).isEqualTo(sent);
  }

  @Test
  void onlyRoomsTheCallerIsInNowAreSearched() {
    TestUser alice = user("s_rooms_a");
    TestUser bob = user("s_rooms_b");
    TestUser carol = user("s_rooms_c");
    String w = word();
    String shared = room(bob, alice);
    String notHers = room(bob, carol);
    String left = room(bob, alice);
    String inShared = send(bob, shared, w + " for alice");
    send(bob, notHers, w + " not for alice");
    String inLeft = send(bob, left, w + " until she leaves");
    assertThat(ids(alice, w)).containsExactlyInAnyOrder(inShared, inLeft);
    as(alice).delete("/api/v1/rooms/" + left + "/members/" + alice.id()).then().statusCode(204);
    assertThat(ids(alice, w)).containsExactly(inShared);
    assertThat(ids(carol, w)).hasSize(1).doesNotContain(inShared, inLeft);
    assertProblem(search(alice, Map.of("q", w, "room_id", left)), 403, "FORBIDDEN");
    assertProblem(search(alice, Map.of("q", w, "room_id", notHers)), 403, "FORBIDDEN");
    assertProblem(
        search(alice, Map.of("q", w, "room_id", "0190f1a2-0000-7000-8000-000000000000")),
        404,
        "NOT_FOUND");
  }

  @Test
  void deletedMessagesNeverMatchAndEditsAreFoundByTheirNewText() {
    TestUser alice = user("s_edit_a");
    String room = room(alice);
    String before = word();
    String after = word();
    String deleted = word();
    String edited = send(alice, room, "draft " + before);
    String gone = send(alice, room, "oops " + deleted);
    as(alice)
        .body(Map.of("content", "final " + after))
        .patch("/api/v1/rooms/" + room + "/messages/" + edited)
        .then()
        .statusCode(200);
    as(alice).delete("/api/v1/rooms/" + room + "/messages/" + gone).then().statusCode(204);
    assertThat(ids(alice, before)).isEmpty();
    assertThat(ids(alice, after)).containsExactly(edited);
    assertThat(ids(alice, deleted)).isEmpty();
  }

  @Test
  void aWordInEveryMessageStillAnswers() {
    TestUser alice = user("s_common_a");
    String room = room(alice);
    String w = word();
    for (int i = 0; i < 5; i++) {
      send(alice, room, "the " + w + " " + i);
    }
    assertThat(found(alice, Map.of("q", "the", "room_id", room)).getList("results")).hasSize(5);
    assertThat(found(alice, Map.of("q", "a")).getList("results")).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t"})
  void blankQueryIsRefused(String q) {
    assertInvalid(search(caller(), Map.of("q", q)), "q");
  }

  @Test
  void missingQueryIsRefused() {
    assertInvalid(as(caller()).get("/api/v1/search/messages"), "q");
  }

  @Test
  void hugeQueriesAreRefusedSayingWhy() {
    TestUser alice = caller();
    assertInvalid(search(alice, Map.of("q", "x".repeat(257))), "q")
        .body("errors[0].message", org.hamcrest.Matchers.containsString("256"));
    String manyWords =
        IntStream.range(0, 33).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    assertInvalid(search(alice, Map.of("q", manyWords)), "q")
        .body("errors[0].message", org.hamcrest.Matchers.containsString("32"));
    search(alice, Map.of("q", "y".repeat(256))).then().statusCode(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"unclosed",
        "-",
        "--",
        "or or",
        "or",
        "\"\"",
        "-\"x y\"",
        "a & b | !c",
        "(",
        ")",
        ":*",
        "'",
        "''",
        "\\",
        "%_",
        "<b>",
        "NOT",
        "!",
        "& |",
        "日本語",
        "😀 emoji",
        "é È",
        "\u0130",
        "a-b-c",
        "x:1",
        "'$'",
        "$",
        "\"a\" or -\"b\"",
        "\uFFFF",
        "\u202Eevil"
      })
  void oddQueriesAnswerWithResultsNeverAnError(String q) {
    search(caller(), Map.of("q", q)).then().statusCode(200);
  }

  @Test
  void nulInAQueryIsRefused() {
    assertInvalid(search(caller(), Map.of("q", "abc\u0000def")), "q");
    assertInvalid(search(caller(), Map.of("q", "abc", "from", "bob\u0000")), "from");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"xyz", "AAAA", "not a cursor!", "0190f1a2-0000-7000-8000-000000000000", "%%"})
  void badCursorIsRefused(String cursor) {
    assertInvalid(search(caller(), Map.of("q", "abc", "cursor", cursor)), "cursor");
  }

  @Test
  void limitFollowsTheContract() {
    TestUser alice = caller();
    assertInvalid(search(alice, Map.of("q", "abc", "limit", 0)), "limit");
    assertInvalid(search(alice, Map.of("q", "abc", "limit", "ten")), "limit");
    search(alice, Map.of("q", "abc", "limit", "99999999999999")).then().statusCode(200);
  }

  @Test
  void malformedRoomIdIsRefused() {
    assertInvalid(search(caller(), Map.of("q", "abc", "room_id", "not-a-room")), "room_id");
  }
}

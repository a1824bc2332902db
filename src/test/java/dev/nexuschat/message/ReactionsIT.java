package dev.nexuschat.message;

import static dev.nexuschat.testsupport.Api.as;
import static dev.nexuschat.testsupport.Problems.assertInvalid;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PUT/DELETE /rooms/{id}/messages/{mid}/reactions/{emoji}, the views and the events. */
@NexusIT
class ReactionsIT {
  private static final String THUMBS = "👍";
  private static final String PARTY = "🎉";

  static Response react(TestUser user, String room, String message, String emoji) {
    return as(user).urlEncodingEnabled(false).put(path(room, message, encode(emoji)));
  }

  static Response unreact(TestUser user, String room, String message, String emoji) {
    return as(user).urlEncodingEnabled(false).delete(path(room, message, encode(emoji)));
  }

  private static String path(String room, String message, String encodedEmoji) {
    return "/api/v1/rooms/" + room + "/messages/" + message + "/reactions/" + encodedEmoji;
  }

  private static String encode(String emoji) {
    return URLEncoder.encode(emoji, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static long storedReactions(String message) {
    return StoredRows.count("SELECT COUNT(*) FROM message_reactions WHERE message_id = ?", message);
  }

  /** A new user alone in a new room with one message of theirs. */
  private record Solo(TestUser user, String room, String message) {
    Response react(String emoji) {
      return ReactionsIT.react(user, room, message, emoji);
    }

    Response unreact(String emoji) {
      return ReactionsIT.unreact(user, room, message, emoji);
    }

    /** A PUT with an already-encoded path segment. */
    Response putEncoded(String encoded) {
      return as(user).urlEncodingEnabled(false).put(path(room, message, encoded));
    }

    long stored() {
      return storedReactions(message);
    }
  }

  private static Solo solo(String prefix, String content) {
    TestUser user = Api.newUser(prefix);
    String room = Api.newRoom(user);
    return new Solo(user, room, Api.send(user, room, content));
  }

  /** Alice and Bob in a new room, with one message of Alice's. */
  private record Pair(TestUser alice, TestUser bob, String room, String message) {}

  private static Pair pair(String prefix, String content) {
    TestUser alice = Api.newUser(prefix + "_a");
    TestUser bob = Api.newUser(prefix + "_b");
    String room = Api.newRoom(alice, bob);
    return new Pair(alice, bob, room, Api.send(alice, room, content));
  }

  private static List<Map<String, Object>> reactionsInHistory(
      TestUser viewer, String room, String id) {
    return as(viewer)
        .get("/api/v1/rooms/" + room + "/messages")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("messages.find { it.id == '" + id + "' }.reactions");
  }

  @Test
  void reactingTwiceCountsOnceAndAnnouncesOnce() {
    Pair pair = pair("re", "react to me");
    TestUser alice = pair.alice();
    TestUser bob = pair.bob();
    String room = pair.room();
    String message = pair.message();
    try (WsClient bobTab = WsClient.connect(bob)) {
      for (int i = 0; i < 2; i++) {
        react(alice, room, message, THUMBS)
            .then()
            .statusCode(200)
            .body("message_id", equalTo(message))
            .body("reactions.size()", equalTo(1))
            .body("reactions[0].emoji", equalTo(THUMBS))
            .body("reactions[0].count", equalTo(1))
            .body("reactions[0].me", equalTo(true));
      }
      JsonObject added =
          bobTab
              .await("reaction_added", d -> THUMBS.equals(d.getString("emoji")))
              .getJsonObject("data");
      assertEquals(room, added.getString("room_id"));
      assertEquals(message, added.getString("message_id"));
      assertEquals(alice.id(), added.getString("user_id"));
      assertEquals(1, added.getInt("count"));
      // A later event has come through: the repeat's would have come before it.
      react(alice, room, message, PARTY).then().statusCode(200);
      bobTab.await("reaction_added", d -> PARTY.equals(d.getString("emoji")));
      assertEquals(
          1,
          bobTab
              .received(
                  f ->
                      "reaction_added".equals(f.getString("event"))
                          && THUMBS.equals(f.getJsonObject("data").getString("emoji")))
              .size());
    }
    assertEquals(
        1,
        StoredRows.count(
            "SELECT COUNT(*) FROM message_reactions WHERE message_id = ? AND emoji = ?",
            message,
            THUMBS));
  }

  @Test
  void countsAreSharedAndMeIsPerCallerInFirstReactedOrder() {
    Pair pair = pair("re_cnt", "count us");
    TestUser alice = pair.alice();
    TestUser bob = pair.bob();
    String room = pair.room();
    String message = pair.message();
    react(alice, room, message, PARTY).then().statusCode(200);
    react(alice, room, message, THUMBS).then().statusCode(200);
    react(bob, room, message, THUMBS)
        .then()
        .statusCode(200)
        .body("reactions.emoji", equalTo(List.of(PARTY, THUMBS)))
        .body("reactions.count", equalTo(List.of(1, 2)))
        .body("reactions.me", equalTo(List.of(false, true)));

    List<Map<String, Object>> forAlice = reactionsInHistory(alice, room, message);
    assertEquals(List.of(PARTY, THUMBS), forAlice.stream().map(r -> r.get("emoji")).toList());
    assertEquals(List.of(true, true), forAlice.stream().map(r -> r.get("me")).toList());
    List<Map<String, Object>> forBob = reactionsInHistory(bob, room, message);
    assertEquals(List.of(1, 2), forBob.stream().map(r -> r.get("count")).toList());
    assertEquals(List.of(false, true), forBob.stream().map(r -> r.get("me")).toList());
  }

  @Test
  void deleteTakesBackOnlyTheCallersReactionAndIsIdempotent() {
    Pair pair = pair("re_del", "undo");
    TestUser alice = pair.alice();
    TestUser bob = pair.bob();
    String room = pair.room();
    String message = pair.message();
    react(alice, room, message, THUMBS).then().statusCode(200);
    react(bob, room, message, THUMBS).then().statusCode(200);
    try (WsClient bobTab = WsClient.connect(bob)) {
      for (int i = 0; i < 2; i++) {
        unreact(alice, room, message, THUMBS)
            .then()
            .statusCode(200)
            .body("reactions[0].count", equalTo(1))
            .body("reactions[0].me", equalTo(false));
      }
      JsonObject removed =
          bobTab
              .await("reaction_removed", d -> alice.id().equals(d.getString("user_id")))
              .getJsonObject("data");
      assertEquals(1, removed.getInt("count"));
      assertEquals(THUMBS, removed.getString("emoji"));
      unreact(bob, room, message, THUMBS).then().statusCode(200).body("reactions", empty());
      bobTab.await("reaction_removed", d -> d.getInt("count") == 0);
      assertEquals(2, bobTab.received(f -> "reaction_removed".equals(f.getString("event"))).size());
    }
    assertTrue(reactionsInHistory(alice, room, message).isEmpty());
    // Taking back what one never gave changes nothing.
    unreact(bob, room, message, PARTY).then().statusCode(200).body("reactions", empty());
  }

  @Test
  void everyPageOfHistoryCarriesItsMessagesReactions() {
    TestUser alice = Api.newUser("re_page");
    String room = Api.newRoom(alice);
    String oldest = Api.send(alice, room, "first");
    for (int i = 0; i < 4; i++) {
      Api.send(alice, room, "filler " + i);
    }
    String newest = Api.send(alice, room, "last");
    react(alice, room, oldest, THUMBS).then().statusCode(200);
    react(alice, room, newest, PARTY).then().statusCode(200);

    JsonPath latest =
        as(alice).queryParam("limit", 3).get("/api/v1/rooms/" + room + "/messages").jsonPath();
    assertEquals(
        List.of(PARTY),
        latest.getList("messages.find { it.id == '" + newest + "' }.reactions.emoji"));
    assertEquals(List.of(), latest.getList("messages[0].reactions"));
    JsonPath older =
        as(alice)
            .queryParam("limit", 3)
            .queryParam("cursor", latest.getString("next_cursor"))
            .get("/api/v1/rooms/" + room + "/messages")
            .jsonPath();
    assertEquals(
        List.of(THUMBS),
        older.getList("messages.find { it.id == '" + oldest + "' }.reactions.emoji"));
    assertEquals(List.of(true), older.getList("messages[0].reactions.me"));
  }

  @Test
  void newMessagesAndEditsCarryReactionsWithMeSetForTheCallerOnly() {
    TestUser alice = Api.newUser("re_edit_a");
    TestUser bob = Api.newUser("re_edit_b");
    String room = Api.newRoom(alice, bob);
    as(alice)
        .body(Map.of("content", "fresh"))
        .post("/api/v1/rooms/" + room + "/messages")
        .then()
        .statusCode(201)
        .body("reactions", empty());
    String message = Api.send(alice, room, "to edit");
    react(alice, room, message, THUMBS).then().statusCode(200);
    try (WsClient bobTab = WsClient.connect(bob)) {
      as(alice)
          .body(Map.of("content", "edited"))
          .patch("/api/v1/rooms/" + room + "/messages/" + message)
          .then()
          .statusCode(200)
          .body("reactions[0].count", equalTo(1))
          .body("reactions[0].me", equalTo(true));
      JsonObject edited =
          bobTab
              .await("message_edited", d -> message.equals(d.getString("id")))
              .getJsonObject("data");
      JsonObject reaction = edited.getJsonArray("reactions").getJsonObject(0);
      assertEquals(1, reaction.getInt("count"));
      assertFalse(reaction.getBoolean("me"), "a broadcast cannot know who reads it");
    }
  }

  @Test
  void deletedMessageLosesItsReactionsAndTakesNoMore() {
    Solo solo = solo("re_gone", "short-lived");
    solo.react(THUMBS).then().statusCode(200);
    as(solo.user())
        .delete("/api/v1/rooms/" + solo.room() + "/messages/" + solo.message())
        .then()
        .statusCode(204);
    assertEquals(0, solo.stored());
    assertProblem(solo.react(PARTY), 404, "NOT_FOUND");
    assertProblem(solo.unreact(THUMBS), 404, "NOT_FOUND");
  }

  @Test
  void deletingTheRoomCascadesToItsReactions() {
    Solo solo = solo("re_cascade", "the room goes");
    solo.react(THUMBS).then().statusCode(200);
    assertEquals(1, solo.stored());
    // The last member out deletes the room, its messages and, by the foreign key, their reactions.
    as(solo.user())
        .delete("/api/v1/rooms/" + solo.room() + "/members/" + solo.user().id())
        .then()
        .statusCode(204);
    assertEquals(0, StoredRows.count("SELECT COUNT(*) FROM messages WHERE id = ?", solo.message()));
    assertEquals(0, solo.stored());
  }

  @Test
  void messageOfAnotherRoomOrUnknownIsNotFound() {
    TestUser alice = Api.newUser("re_other");
    TestUser carol = Api.newUser("re_other_c");
    String mine = Api.newRoom(alice);
    String theirs = Api.newRoom(carol);
    String secret = Api.send(carol, theirs, "not yours");
    assertProblem(react(alice, mine, secret, THUMBS), 404, "NOT_FOUND");
    assertProblem(
        react(alice, mine, "0190f1a2-0000-7000-8000-000000000000", THUMBS), 404, "NOT_FOUND");
    assertProblem(react(alice, mine, "not-a-uuid", THUMBS), 404, "NOT_FOUND");
    assertEquals(0, storedReactions(secret));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "👍🏽", // skin tone
        "👨‍👩‍👧‍👦", // ZWJ family
        "🇫🇷", // flag
        "1️⃣", // keycap
        "❤️", // with its presentation selector
        "🏴󠁧󠁢󠁳󠁣󠁴󠁿", // subdivision flag (tag sequence)
        "👩🏻‍❤️‍💋‍👨🏼" // the longest: 15 UTF-16 units
      })
  void everyKindOfRecommendedEmojiIsAccepted(String emoji) {
    Solo solo = solo("re_ok", "any emoji");
    solo.react(emoji).then().statusCode(200).body("reactions[0].emoji", equalTo(emoji));
    assertEquals(
        List.of(emoji),
        StoredRows.column(
            "SELECT emoji FROM message_reactions WHERE message_id = ?", solo.message()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "thumbsup", // plain text
        ":+1:", // a shortcode is not an emoji
        "👍👍", // two emoji
        "👍a", // an emoji and text
        "a👍",
        "\u200d", // a lone ZWJ
        "🏽", // a lone skin-tone modifier
        "🇫", // half a flag
        "1", // a keycap's base alone
        " 👍",
        "\ufffd"
      })
  void anythingButOneEmojiIsAValidationErrorNamingTheEmoji(String candidate) {
    Solo solo = solo("re_bad", "bad input");
    assertInvalid(solo.react(candidate), "emoji");
    assertInvalid(solo.unreact(candidate), "emoji");
    assertEquals(0, solo.stored());
  }

  @Test
  void oneEmojiWithOrWithoutItsVariationSelectorIsOneReaction() {
    Pair pair = pair("re_fe0f", "selectors");
    react(pair.alice(), pair.room(), pair.message(), "👍\ufe0f").then().statusCode(200);
    react(pair.bob(), pair.room(), pair.message(), THUMBS)
        .then()
        .statusCode(200)
        .body("reactions.emoji", equalTo(List.of(THUMBS)))
        .body("reactions[0].count", equalTo(2));
    react(pair.bob(), pair.room(), pair.message(), "❤")
        .then()
        .statusCode(200)
        .body("reactions[1].emoji", equalTo("❤️"));
    unreact(pair.alice(), pair.room(), pair.message(), THUMBS)
        .then()
        .statusCode(200)
        .body("reactions[0].count", equalTo(1));
  }

  @Test
  void overlongInputIsRefusedBeforeAnyLookup() {
    Solo solo = solo("re_long", "long input");
    assertInvalid(solo.react(THUMBS.repeat(1000)), "emoji");
    assertInvalid(solo.react("x".repeat(4000)), "emoji");
    assertInvalid(solo.react("\u200d".repeat(2000)), "emoji");
    // Bytes that are no UTF-8 at all: the container refuses the path itself, as problem+json.
    assertProblem(solo.putEncoded("%FF%FE"), 400, "VALIDATION_FAILED");
    assertEquals(0, solo.stored());
  }

  /**
   * Liberty refuses encoded control characters in any path (CWWWC0005I) with its own 400 before the
   * application runs (see FuzzRequests); ReactionEmojiTest shows the rule refuses them too.
   */
  @ParameterizedTest
  @ValueSource(strings = {"%00", "%0A", "%7F", "%F0%9F%91%8D%00", "%1B%5B31m"})
  void controlCharactersAreRefusedBeforeAnythingIsStored(String encoded) {
    Solo solo = solo("re_ctl", "control");
    solo.putEncoded(encoded).then().statusCode(400);
    assertEquals(0, solo.stored());
  }

  @Test
  void aMessageTakesAtMostFiftyDifferentEmojiButMoreOfTheSame() {
    Pair pair = pair("re_many", "so many");
    TestUser alice = pair.alice();
    TestUser bob = pair.bob();
    String room = pair.room();
    String message = pair.message();
    for (int i = 0; i < 50; i++) {
      react(alice, room, message, Character.toString(0x1F600 + i)).then().statusCode(200);
    }
    assertProblem(react(bob, room, message, "🙂"), 409, "TOO_MANY_REACTIONS");
    react(bob, room, message, "😀")
        .then()
        .statusCode(200)
        .body("reactions.size()", equalTo(50))
        .body("reactions[0].count", equalTo(2));
    unreact(alice, room, message, "😱").then().statusCode(200);
    react(bob, room, message, "🙂").then().statusCode(200).body("reactions.size()", equalTo(50));
  }

  @Test
  void removedMemberCanNeitherReactNorTakeBack() {
    Pair pair = pair("re_rm", "before you go");
    TestUser alice = pair.alice();
    TestUser bob = pair.bob();
    String room = pair.room();
    String message = pair.message();
    react(bob, room, message, THUMBS).then().statusCode(200);
    as(alice).delete("/api/v1/rooms/" + room + "/members/" + bob.id()).then().statusCode(204);
    assertProblem(react(bob, room, message, PARTY), 403, "FORBIDDEN");
    assertProblem(unreact(bob, room, message, THUMBS), 403, "FORBIDDEN");
    // An outsider hears first that they are outside, whatever they send.
    assertProblem(react(bob, room, message, "not an emoji"), 403, "FORBIDDEN");
  }
}

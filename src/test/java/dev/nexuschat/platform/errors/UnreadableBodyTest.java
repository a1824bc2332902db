package dev.nexuschat.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nexuschat.auth.boundary.AuthRequests;
import dev.nexuschat.platform.json.JsonFormat;
import dev.nexuschat.room.boundary.RoomRequests;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

/** Binds with the real wire format (Yasson), so a change in its failure messages shows up here. */
class UnreadableBodyTest {

  private static FieldError failureOf(String json, Class<?> type) {
    JsonbException failure =
        assertThrows(JsonbException.class, () -> JsonFormat.JSONB.fromJson(json, type));
    return UnreadableBody.describe(failure);
  }

  @Test
  void aNumberWhereTextBelongsNamesTheField() {
    assertEquals(
        new FieldError("email", "must be a string, not a number"),
        failureOf("{\"email\": 5, \"password\": \"x\"}", AuthRequests.Login.class));
  }

  @Test
  void textWhereAFlagBelongsNamesTheField() {
    assertEquals(
        new FieldError("remember_me", "must be true or false, not a string"),
        failureOf(
            "{\"email\": \"a@b.test\", \"password\": \"x\", \"remember_me\": \"yes\"}",
            AuthRequests.Login.class));
  }

  @Test
  void aBadListElementNamesTheList() {
    assertEquals(
        new FieldError("member_ids", "must be a string, not a number"),
        failureOf("{\"name\": \"x\", \"member_ids\": [5]}", RoomRequests.Create.class));
  }

  @Test
  void textWhereAListBelongsNamesTheField() {
    assertEquals(
        "member_ids",
        failureOf("{\"name\": \"x\", \"member_ids\": \"abc\"}", RoomRequests.Create.class).field());
  }

  @Test
  void malformedJsonIsBlamedOnTheBody() {
    assertEquals("body", failureOf("{\"email\": ", AuthRequests.Login.class).field());
  }

  @Test
  void onlyTheStartOfAFailureMessageIsSearchedSoQuotedInputCannotMakeItSlow() {
    String quoted = "expected ".repeat(10_000);
    JsonbException failure =
        new JsonbException(
            "Unable to deserialize property 'content' because of: " + quoted,
            new IllegalArgumentException(
                quoted + "x".repeat(UnreadableBody.READ_AT_MOST) + ", got NUMBER"));
    assertEquals(
        new FieldError("content", "has the wrong type or format"),
        UnreadableBody.describe(failure));
  }
}

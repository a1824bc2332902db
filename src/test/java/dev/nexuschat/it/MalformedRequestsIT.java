package dev.nexuschat.it;

import static dev.nexuschat.testsupport.Api.as;
import static dev.nexuschat.testsupport.Problems.assertProblem;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests broken below the level of fields, found by ApiFuzzIT: still problem+json, never 500. */
@NexusIT
class MalformedRequestsIT {
  /** Deeper than the JSON parser's nesting limit (1000), far under the 64 KiB body cap. */
  private static final String DEEP = "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);

  private static TestUser user;

  @BeforeAll
  static void account() {
    user = Api.newUser("malformed");
  }

  @Test
  void deeplyNestedProfileChangeIsAValidationError() {
    assertProblem(as(user).body(DEEP).patch("/api/v1/users/me"), 400, "VALIDATION_FAILED");
  }

  @Test
  void deeplyNestedRoomChangeIsAValidationError() {
    String room = Api.newRoom(user);
    assertProblem(as(user).body(DEEP).patch("/api/v1/rooms/" + room), 400, "VALIDATION_FAILED");
  }

  @Test
  void encodedSlashInAPathIdIsAProblemNotAnErrorPage() {
    assertProblem(
        as(user).urlEncodingEnabled(false).post("/api/v1/rooms/..%2Fx/read"),
        400,
        "VALIDATION_FAILED");
  }
}

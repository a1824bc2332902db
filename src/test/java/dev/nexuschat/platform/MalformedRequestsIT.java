package dev.nexuschat.platform;

import static dev.nexuschat.testsupport.Api.as;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.TestUser;
import java.time.Duration;
import java.util.Map;
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

  /** PostgreSQL cannot take NUL in text; EclipseLink retried the failing query for 10 s. */
  @Test
  void availabilityOfANameWithNulIsAValidationErrorAtOnce() {
    long start = System.nanoTime();
    assertProblem(
        Api.anonymous()
            .queryParam("email", "a\u0000@example.test")
            .get("/api/v1/auth/availability"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        Api.anonymous().queryParam("username", "a\u0000b").get("/api/v1/auth/availability"),
        400,
        "VALIDATION_FAILED");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void signInWithNulInTheEmailIsTheUsualRefusalAtOnce() {
    long start = System.nanoTime();
    assertProblem(
        Api.anonymous()
            .body(Map.of("email", user.email() + "\u0000", "password", Api.PASSWORD))
            .post("/api/v1/auth/login"),
        401,
        "UNAUTHORIZED");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}

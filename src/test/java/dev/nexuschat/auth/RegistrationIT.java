package dev.nexuschat.auth;

import static dev.nexuschat.testsupport.Accounts.registration;
import static dev.nexuschat.testsupport.Problems.assertInvalid;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nexuschat.testsupport.Accounts;
import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Registration and profile input that once cost minutes of CPU or ended in a 500. */
@NexusIT
class RegistrationIT {
  private static Response register(Map<String, String> body) {
    return Api.anonymous().body(body).post("/api/v1/auth/register");
  }

  @Test
  void thePasswordIsStoredAsABcryptHashOfTheConfiguredCost() {
    // The test servers set NEXUS_BCRYPT_COST=4 (LibertyInstance); production keeps 12.
    TestUser user = Api.newUser("hashed");
    assertThat(StoredRows.column("SELECT password_hash FROM users WHERE id = ?", user.id()))
        .singleElement()
        .asString()
        .startsWith("$2b$04$")
        .hasSize(60);
  }

  @Test
  @Timeout(30)
  void aDisplayNameOfSpacesAndTooManyLettersIsRefusedAtOnce() {
    // A backtracking pattern took 3.75 s at 2000 spaces and grew with the square of the length.
    String token = Accounts.token();
    String name = " ".repeat(20_000) + "a".repeat(101);
    long started = System.nanoTime();
    assertInvalid(
        register(registration(token + "@example.test", "spaces_" + token, name)), "display_name");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  @Timeout(30)
  void longValuesInEveryRegistrationFieldAreRefusedAtOnce() {
    String token = Accounts.token();
    String huge = "a.".repeat(3_000); // all of it stays under the 64 KiB body cap
    long started = System.nanoTime();
    assertInvalid(
        register(
            Map.of(
                "email", huge + "@" + huge + "example.test",
                "username", "u".repeat(10_000),
                "display_name", "\t".repeat(10_000) + "x" + " ".repeat(10_000),
                "password", "Aa1" + "a".repeat(10_000))),
        "email");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    // surrounding white space does not count: 1 character
    register(registration(token + "@example.test", "ws_" + token, " ".repeat(5000) + "x" + "\n"))
        .then()
        .statusCode(201)
        .body("display_name", equalTo("x"));
  }

  @Test
  void aDisplayNameWhoseLowerCaseIsLongerIsAccepted() {
    // U+0130 lower-cases to two characters: the case-insensitive key once overflowed its column.
    String token = Accounts.token();
    register(registration(token + "@example.test", "dotted_" + token, "İ".repeat(100)))
        .then()
        .statusCode(201)
        .body("display_name", equalTo("İ".repeat(100)));
    TestUser user = Api.newUser("dotted_patch");
    Api.as(user)
        .body(Map.of("display_name", "İ".repeat(60)))
        .patch("/api/v1/users/me")
        .then()
        .statusCode(200)
        .body("display_name", equalTo("İ".repeat(60)));
    Api.as(user).queryParam("q", "İİ").get("/api/v1/users/search").then().statusCode(200);
  }

  @Test
  void anEmailWhoseLowerCaseIsLongerIsStoredOrRefusedNeverAFailure() {
    String token = Accounts.token();
    String email = token + "@" + "İ".repeat(60) + ".example.test";
    int status = register(registration(email, "dotmail_" + token, "Dotted")).statusCode();
    assertThat(status).isIn(201, 400);
  }

  @Test
  void racingRegistrationsForOneUsernameAreToldTheUsernameIsTaken() throws Exception {
    // "email" in the username: the conflict was once decided by searching the error text for it.
    String username = "my_email_" + Accounts.token();
    List<Response> answers =
        concurrently(
            8, n -> register(registration(n + "_" + username + "@example.test", username, "R")));
    assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
    answers.stream()
        .filter(r -> r.statusCode() != 201)
        .forEach(r -> assertProblem(r, 409, "USERNAME_TAKEN"));
  }

  @Test
  void racingRegistrationsForOneEmailAreToldTheEmailIsTaken() throws Exception {
    String token = Accounts.token();
    String email = "race_" + token + "@example.test";
    List<Response> answers =
        concurrently(8, n -> register(registration(email, "race_" + n + "_" + token, "R")));
    assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
    answers.stream()
        .filter(r -> r.statusCode() != 201)
        .forEach(r -> assertProblem(r, 409, "EMAIL_TAKEN"));
  }

  private interface Attempt {
    Response run(int n);
  }

  private static List<Response> concurrently(int count, Attempt attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Callable<Response>> calls = new ArrayList<>();
      for (int n = 0; n < count; n++) {
        int which = n;
        calls.add(() -> attempt.run(which));
      }
      List<Response> answers = new ArrayList<>();
      for (Future<Response> answer : pool.invokeAll(calls)) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}

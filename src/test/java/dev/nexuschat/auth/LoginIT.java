package dev.nexuschat.auth;

import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.notNullValue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing in: no account enumeration, emails match whatever their case. */
@NexusIT
class LoginIT {
  private static TestUser user;

  @BeforeAll
  static void account() {
    user = Api.newUser("login");
  }

  @Test
  void wrongPasswordAndUnknownEmailGetTheIdenticalAnswer() {
    Response wrongPassword = login(user.email(), "Wrong-Password-1");
    Response unknownEmail =
        login("nobody-" + user.username() + "@example.test", "Wrong-Password-1");
    assertProblem(wrongPassword, 401, "UNAUTHORIZED");
    assertProblem(unknownEmail, 401, "UNAUTHORIZED");
    assertThat(unknownEmail.asString(), equalTo(wrongPassword.asString()));
    assertThat(unknownEmail.contentType(), equalTo(wrongPassword.contentType()));
    assertThat(
        unknownEmail.header("WWW-Authenticate"), equalTo(wrongPassword.header("WWW-Authenticate")));
    assertThat(unknownEmail.headers().hasHeaderWithName("Set-Cookie"), equalTo(false));
    assertThat(wrongPassword.headers().hasHeaderWithName("Set-Cookie"), equalTo(false));
  }

  @Test
  void passwordIsCaseSensitive() {
    assertProblem(login(user.email(), Api.PASSWORD.toUpperCase()), 401, "UNAUTHORIZED");
    assertProblem(login(user.email(), Api.PASSWORD.toLowerCase()), 401, "UNAUTHORIZED");
  }

  @Test
  void emailIsCaseInsensitive() {
    String email = "Mixed.Case." + user.username() + "@Example.Test";
    String id =
        Api.anonymous()
            .body(
                Map.of(
                    "email",
                    email,
                    "username",
                    user.username() + "_mc",
                    "display_name",
                    "Mixed Case",
                    "password",
                    Api.PASSWORD))
            .post("/api/v1/auth/register")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    login(email.toLowerCase(), Api.PASSWORD).then().statusCode(200).body("user.id", equalTo(id));
    login(email.toUpperCase(), Api.PASSWORD).then().statusCode(200).body("user.id", equalTo(id));
    login(email, Api.PASSWORD).then().statusCode(200).body("user.id", equalTo(id));
  }

  @Test
  void emailAndUsernameInAnotherCaseAreTaken() {
    assertProblem(
        Api.anonymous()
            .body(
                Map.of(
                    "email",
                    user.email().toUpperCase(),
                    "username",
                    user.username() + "_x",
                    "display_name",
                    "Copy",
                    "password",
                    Api.PASSWORD))
            .post("/api/v1/auth/register"),
        409,
        "EMAIL_TAKEN");
    assertProblem(
        Api.anonymous()
            .body(
                Map.of(
                    "email",
                    "copy." + user.email(),
                    "username",
                    user.username().toUpperCase(),
                    "display_name",
                    "Copy",
                    "password",
                    Api.PASSWORD))
            .post("/api/v1/auth/register"),
        409,
        "USERNAME_TAKEN");
  }

  @Test
  void loginAnswersWithTokensAndTheAccount() {
    login(user.email(), Api.PASSWORD)
        .then()
        .statusCode(200)
        .body("access_token", notNullValue())
        .body("refresh_token", notNullValue())
        .body("token_type", equalToIgnoringCase("bearer"))
        .body("expires_in", equalTo(1800))
        .body("user.id", equalTo(user.id()))
        .body("user.username", equalTo(user.username()));
  }

  @Test
  void loginWithoutCredentialsNamesTheMissingFields() {
    Response response = Api.anonymous().body("{}").post("/api/v1/auth/login");
    assertProblem(response, 400, "VALIDATION_FAILED");
    List<String> fields = response.jsonPath().getList("errors.field");
    assertThat(fields, containsInAnyOrder("email", "password"));
  }

  @Test
  void missingLoginBodyIsAValidationErrorOfTheBody() {
    Response response = Api.anonymous().body("null").post("/api/v1/auth/login");
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(response.jsonPath().getList("errors.field"), containsInAnyOrder("body"));
  }

  @Test
  void unparseableLoginBodyIsAValidationError() {
    assertProblem(
        Api.anonymous().body("{\"email\": ").post("/api/v1/auth/login"), 400, "VALIDATION_FAILED");
  }

  @Test
  void loginFieldsOfTheWrongTypeAreAValidationError() {
    assertProblem(
        Api.anonymous().body("{\"email\": \"a@b.c\", \"password\": []}").post("/api/v1/auth/login"),
        400,
        "VALIDATION_FAILED");
  }

  /** "maybe" is not a boolean: it must not be read as false and let the login through. */
  @Test
  void rememberMeMustBeABoolean() {
    assertProblem(
        Api.anonymous()
            .body(Map.of("email", user.email(), "password", Api.PASSWORD, "remember_me", "maybe"))
            .post("/api/v1/auth/login"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        Api.anonymous()
            .body(Map.of("email", user.email(), "password", Api.PASSWORD, "remember_me", 1))
            .post("/api/v1/auth/login"),
        400,
        "VALIDATION_FAILED");
  }

  private static Response login(String email, String password) {
    return Api.anonymous()
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/login");
  }
}

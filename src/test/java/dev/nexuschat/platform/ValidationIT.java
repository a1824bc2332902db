package dev.nexuschat.platform;

import static dev.nexuschat.testsupport.Api.as;
import static dev.nexuschat.testsupport.Problems.assertInvalid;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Accounts;
import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@NexusIT
class ValidationIT {
  private static TestUser alice;
  private static String room;

  @BeforeAll
  static void roomOfAlice() {
    alice = Api.newUser("val_alice");
    room = Api.newRoom(alice);
  }

  private static String messages() {
    return "/api/v1/rooms/" + room + "/messages";
  }

  @Test
  void registrationListsEveryFailingFieldAtOnceInSnakeCase() {
    assertInvalid(
            Api.anonymous()
                .body(
                    Map.of(
                        "email",
                        "not-an-email",
                        "username",
                        "a!",
                        "display_name",
                        " ",
                        "password",
                        "short"))
                .post("/api/v1/auth/register"),
            "email")
        .body("errors.field", hasItems("email", "username", "display_name", "password"));
  }

  @Test
  void registrationWithNothingNamesEveryRequiredField() {
    assertInvalid(Api.anonymous().body("{}").post("/api/v1/auth/register"), "email")
        .body("errors.field", hasItems("email", "username", "display_name", "password"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "has space",
        "dash-ed",
        "émile",
        "x23456789012345678901234567890123456789012345678901"
      })
  void usernameMustBeThreeToFiftyLettersDigitsOrUnderscores(String username) {
    assertInvalid(
        Api.anonymous()
            .body(
                Map.of(
                    "email",
                    UUID.randomUUID() + "@example.test",
                    "username",
                    username,
                    "display_name",
                    "Valid",
                    "password",
                    Api.PASSWORD))
            .post("/api/v1/auth/register"),
        "username");
  }

  @Test
  void passwordProblemsAreAllNamed() {
    assertInvalid(
            Api.anonymous()
                .body(
                    Map.of(
                        "email",
                        UUID.randomUUID() + "@example.test",
                        "username",
                        "pw_" + Accounts.token(),
                        "display_name",
                        "Valid",
                        "password",
                        "alllowercase"))
                .post("/api/v1/auth/register"),
            "password")
        .body(
            "errors.find { it.field == 'password' }.message",
            org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString("upper-case"),
                org.hamcrest.Matchers.containsString("digit")));
  }

  @Test
  void registrationCountsTheDisplayNameInCharactersLikeTheProfileDoes() {
    String token = Accounts.token();
    Api.anonymous()
        .body(
            Map.of(
                "email",
                token + "@example.test",
                "username",
                "emoji_" + token,
                "display_name",
                "😀".repeat(100),
                "password",
                Api.PASSWORD))
        .post("/api/v1/auth/register")
        .then()
        .statusCode(201)
        .body("display_name", equalTo("😀".repeat(100)));
    assertInvalid(
        Api.anonymous()
            .body(
                Map.of(
                    "email",
                    "more_" + token + "@example.test",
                    "username",
                    "emoji2_" + token,
                    "display_name",
                    "😀".repeat(101),
                    "password",
                    Api.PASSWORD))
            .post("/api/v1/auth/register"),
        "display_name");
  }

  @Test
  void duplicateEmailOrUsernameIsAConflictWhateverTheCase() {
    String token = Accounts.token();
    TestUser first = Accounts.register("Dup_" + token, "Dup");
    assertProblem(
        Api.anonymous()
            .body(
                Map.of(
                    "email",
                    first.email().toUpperCase(),
                    "username",
                    "other_" + token,
                    "display_name",
                    "Dup",
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
                    "other_" + token + "@example.test",
                    "username",
                    "DUP_" + token.toUpperCase(),
                    "display_name",
                    "Dup",
                    "password",
                    Api.PASSWORD))
            .post("/api/v1/auth/register"),
        409,
        "USERNAME_TAKEN");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"content\": ",
        "not json",
        "{'content': 'single quotes'}",
        "{\"content\": \"x\",}"
      })
  void malformedJsonIsA400(String body) {
    assertProblem(as(alice).body(body).post(messages()), 400, "VALIDATION_FAILED");
  }

  @Test
  void numberWhereTextIsExpectedIsA400() {
    Response response = as(alice).body("{\"content\": 5}").post(messages());
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertEquals(List.of("content"), response.jsonPath().getList("errors.field"));
    assertEquals(
        List.of("must be a string, not a number"), response.jsonPath().getList("errors.message"));
    assertEquals(
        0,
        StoredRows.count(
            "SELECT COUNT(*) FROM messages WHERE room_id = ? AND content = '5'", room));
  }

  @Test
  void objectOrArrayWhereTextIsExpectedIsA400() {
    assertProblem(
        as(alice).body("{\"content\": {\"a\": 1}}").post(messages()), 400, "VALIDATION_FAILED");
    assertProblem(
        as(alice).body("{\"content\": [\"a\"]}").post(messages()), 400, "VALIDATION_FAILED");
  }

  @Test
  void textWhereABooleanIsExpectedIsA400() {
    TestUser bob = Api.newUser("val_bob");
    assertProblem(
        as(alice)
            .body("{\"is_direct\": \"yes\", \"member_ids\": [\"" + bob.id() + "\"]}")
            .post("/api/v1/rooms"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        as(alice)
            .body("{\"name\": \"x\", \"member_ids\": \"" + bob.id() + "\"}")
            .post("/api/v1/rooms"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        as(alice).body("{\"name\": \"x\", \"member_ids\": [5]}").post("/api/v1/rooms"),
        400,
        "VALIDATION_FAILED");
  }

  @Test
  void wrongTypesInAuthBodiesAreA400() {
    assertProblem(
        Api.anonymous().body("{\"email\": 5, \"password\": true}").post("/api/v1/auth/login"),
        400,
        "VALIDATION_FAILED");
    Response response =
        Api.anonymous()
            .body(
                "{\"email\": \"a@example.test\", \"password\": \"x\", \"remember_me\": \"always\"}")
            .post("/api/v1/auth/login");
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertEquals(List.of("remember_me"), response.jsonPath().getList("errors.field"));
  }

  @Test
  void emptyBodyIsA400() {
    assertProblem(as(alice).post(messages()), 400, "VALIDATION_FAILED");
    assertProblem(as(alice).post("/api/v1/rooms"), 400, "VALIDATION_FAILED");
    assertProblem(Api.anonymous().post("/api/v1/auth/register"), 400, "VALIDATION_FAILED");
    assertProblem(Api.anonymous().post("/api/v1/auth/login"), 400, "VALIDATION_FAILED");
    assertProblem(as(alice).body("null").post(messages()), 400, "VALIDATION_FAILED");
  }

  @Test
  void wrongContentTypeIsAProblemNotAnError() {
    assertProblem(
        as(alice).contentType(ContentType.TEXT).body("hello").post(messages()),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/v1/nothing-here", "/api/v1/rooms/x/y/z", "/api/nothing", "/api/v2/rooms"})
  void unknownPathUnderApiIsAProblem404(String path) {
    assertProblem(as(alice).get(path), 404, "NOT_FOUND");
    io.restassured.response.Response anonymous = Api.anonymous().get(path);
    if (anonymous.statusCode() == 401) {
      assertProblem(anonymous, 401, "UNAUTHORIZED");
    } else {
      assertProblem(anonymous, 404, "NOT_FOUND");
    }
  }

  @Test
  void wrongMethodIsAProblem() {
    assertProblem(as(alice).put("/api/v1/users/me"), 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void bodyOverSixtyFourKibibytesIsRejectedWithContentLength() {
    String big = "{\"content\": \"" + "a".repeat(70_000) + "\"}";
    assertProblem(as(alice).body(big).post(messages()), 413, "PAYLOAD_TOO_LARGE");
    assertProblem(
        Api.anonymous()
            .body("{\"email\": \"" + "a".repeat(70_000) + "\"}")
            .post("/api/v1/auth/register"),
        413,
        "PAYLOAD_TOO_LARGE");
    assertProblem(
        as(alice)
            .body("{\"message_id\": \"" + "a".repeat(70_000) + "\"}")
            .post("/api/v1/rooms/" + room + "/read"),
        413,
        "PAYLOAD_TOO_LARGE");
  }

  @Test
  void bodyJustUnderTheLimitIsJudgedOnItsContent() {
    assertInvalid(
        as(alice).body(Map.of("content", "a".repeat(60_000))).post(messages()), "content");
  }

  @Test
  void chunkedBodyOverSixtyFourKibibytesIsRejected() throws Exception {
    String big = "{\"content\": \"" + "a".repeat(70_000) + "\"}";
    HttpResponse<String> message = chunked("POST", messages(), big, alice);
    assertChunkedProblem(message, 413, "PAYLOAD_TOO_LARGE");
    HttpResponse<String> read =
        chunked(
            "POST",
            "/api/v1/rooms/" + room + "/read",
            "{\"message_id\": \"" + "a".repeat(70_000) + "\"}",
            alice);
    assertChunkedProblem(read, 413, "PAYLOAD_TOO_LARGE");
    HttpResponse<String> patch =
        chunked(
            "PATCH",
            "/api/v1/users/me",
            "{\"display_name\": \"" + "a".repeat(70_000) + "\"}",
            alice);
    assertChunkedProblem(patch, 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void smallChunkedBodyIsAccepted() throws Exception {
    HttpResponse<String> response =
        chunked("POST", messages(), "{\"content\": \"chunked\"}", alice);
    assertEquals(201, response.statusCode(), response.body());
  }

  private static HttpResponse<String> chunked(
      String method, String path, String body, TestUser user) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(NexusServer.node().baseUrl() + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + user.accessToken())
            .header("X-Forwarded-For", Api.uniqueIp())
            // An input stream of unknown length goes out with Transfer-Encoding: chunked.
            .method(
                method,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
            .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void assertChunkedProblem(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        response.headers().toString());
    assertEquals(code, new JsonPath(response.body()).getString("code"));
  }

  @Test
  void markupAndSqlLookingContentIsStoredAndReturnedVerbatim() {
    String nasty =
        "<script>alert('x')</script><img src=x onerror=alert(1)> Robert'); DROP TABLE messages;-- "
            + "\" OR 1=1 -- & &amp; \\u0000 %s ${jndi:ldap://x}";
    String id =
        as(alice)
            .body(Map.of("content", nasty))
            .post(messages())
            .then()
            .statusCode(201)
            .body("content", equalTo(nasty))
            .extract()
            .path("id");
    as(alice)
        .get(messages())
        .then()
        .statusCode(200)
        .body("messages.find { it.id == '" + id + "' }.content", equalTo(nasty));
    assertEquals(
        List.of(nasty), StoredRows.column("SELECT content FROM messages WHERE id = ?", id));
  }

  @Test
  void markupInNamesIsStoredVerbatim() {
    String name = "<b>Bold</b> & 'quoted' \"name\"";
    as(alice)
        .body(Map.of("name", name, "description", "<i>d</i>; DELETE FROM rooms;"))
        .post("/api/v1/rooms")
        .then()
        .statusCode(201)
        .body("name", equalTo(name))
        .body("description", equalTo("<i>d</i>; DELETE FROM rooms;"));
    TestUser user = Api.newUser("val_markup");
    as(user)
        .body(Map.of("display_name", name))
        .patch("/api/v1/users/me")
        .then()
        .statusCode(200)
        .body("display_name", equalTo(name));
  }

  @Test
  void malformedIdsInPathsAreNotFound() {
    assertProblem(as(alice).get("/api/v1/rooms/' OR 1=1 --/messages"), 404, "NOT_FOUND");
    assertProblem(as(alice).delete(messages() + "/12345"), 404, "NOT_FOUND");
    assertProblem(
        as(alice).body(Map.of("content", "x")).patch(messages() + "/zzz"), 404, "NOT_FOUND");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aNullAmongTheMemberIdsIsAFieldError(boolean direct) {
    assertInvalid(
        as(alice)
            .body("{\"name\":\"n\",\"is_direct\":" + direct + ",\"member_ids\":[null]}")
            .post("/api/v1/rooms"),
        "member_ids");
  }
}

package dev.nexuschat.platform;

import static dev.nexuschat.testsupport.Api.as;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cross-origin access for the configured origin ({@link NexusServer#CORS_ORIGIN}) and no other. */
@NexusIT
class CorsIT {
  private static final String ALLOWED = NexusServer.CORS_ORIGIN;
  private static TestUser user;

  @BeforeAll
  static void account() {
    user = Api.newUser("cors");
  }

  @Test
  void preflightFromTheAllowedOriginIsAnsweredWithoutAToken() {
    Response preflight = preflight(ALLOWED, "POST", "authorization, content-type", "/api/v1/rooms");
    assertThat(preflight.statusCode(), equalTo(204));
    assertThat(preflight.header("Access-Control-Allow-Origin"), equalTo(ALLOWED));
    assertThat(preflight.header("Access-Control-Allow-Credentials"), equalTo("true"));
    for (String method : new String[] {"GET", "POST", "PATCH", "DELETE"}) {
      assertThat(
          preflight.header("Access-Control-Allow-Methods"), containsStringIgnoringCase(method));
    }
    assertThat(
        preflight.header("Access-Control-Allow-Headers"),
        containsStringIgnoringCase("Authorization"));
    assertThat(
        preflight.header("Access-Control-Allow-Headers"),
        containsStringIgnoringCase("Content-Type"));
    assertThat(String.valueOf(preflight.header("Vary")), containsStringIgnoringCase("Origin"));
  }

  @Test
  void preflightForTheAuthEndpointsAllowsCredentials() {
    Response preflight = preflight(ALLOWED, "POST", "content-type", "/api/v1/auth/refresh");
    assertThat(preflight.statusCode(), equalTo(204));
    assertThat(preflight.header("Access-Control-Allow-Origin"), equalTo(ALLOWED));
    assertThat(preflight.header("Access-Control-Allow-Credentials"), equalTo("true"));
  }

  @ParameterizedTest(name = "preflight from {0} → 403 without CORS headers")
  @ValueSource(
      strings = {
        "https://evil.example.test",
        "http://chat.example.test",
        "https://chat.example.test.evil.example",
        "https://evil.chat.example.test",
        "https://chat.example.test:8443",
        "null"
      })
  void preflightFromAnotherOriginIsRefused(String origin) {
    Response preflight = preflight(origin, "POST", "authorization, content-type", "/api/v1/rooms");
    assertThat(preflight.statusCode(), equalTo(403));
    assertNoCorsHeaders(preflight);
  }

  @Test
  void requestFromTheAllowedOriginCarriesTheCorsHeaders() {
    Response response = as(user).header("Origin", ALLOWED).get("/api/v1/users/me");
    assertThat(response.statusCode(), equalTo(200));
    assertThat(response.header("Access-Control-Allow-Origin"), equalTo(ALLOWED));
    assertThat(response.header("Access-Control-Allow-Credentials"), equalTo("true"));
  }

  @Test
  void loginFromTheAllowedOriginCarriesTheCorsHeaders() {
    Response response =
        Api.anonymous()
            .header("Origin", ALLOWED)
            .body(Map.of("email", user.email(), "password", Api.PASSWORD))
            .post("/api/v1/auth/login");
    assertThat(response.statusCode(), equalTo(200));
    assertThat(response.header("Access-Control-Allow-Origin"), equalTo(ALLOWED));
    assertThat(response.header("Access-Control-Allow-Credentials"), equalTo("true"));
  }

  /** A cross-origin client must be able to read a 401 to know it should refresh. */
  @Test
  void errorAnswersToTheAllowedOriginCarryTheCorsHeaders() {
    Response anonymous = Api.anonymous().header("Origin", ALLOWED).get("/api/v1/users/me");
    assertProblem(anonymous, 401, "UNAUTHORIZED");
    assertThat(anonymous.header("Access-Control-Allow-Origin"), equalTo(ALLOWED));
    assertThat(
        String.valueOf(anonymous.header("Access-Control-Expose-Headers")),
        containsStringIgnoringCase("WWW-Authenticate"));

    Response badToken =
        Api.anonymous()
            .header("Origin", ALLOWED)
            .header("Authorization", "Bearer not-a-jwt")
            .get("/api/v1/users/me");
    assertProblem(badToken, 401, "UNAUTHORIZED");
    assertThat(badToken.header("Access-Control-Allow-Origin"), equalTo(ALLOWED));

    String othersRoom = Api.newRoom(Api.newUser("cors_other"));
    Response forbidden = as(user).header("Origin", ALLOWED).get("/api/v1/rooms/" + othersRoom);
    assertProblem(forbidden, 403, "FORBIDDEN");
    assertThat(forbidden.header("Access-Control-Allow-Origin"), equalTo(ALLOWED));
  }

  @Test
  void requestFromAnotherOriginGetsNoCorsHeaders() {
    Response response =
        as(user).header("Origin", "https://evil.example.test").get("/api/v1/users/me");
    assertNoCorsHeaders(response);
    Response login =
        Api.anonymous()
            .header("Origin", "https://evil.example.test")
            .body(Map.of("email", user.email(), "password", Api.PASSWORD))
            .post("/api/v1/auth/login");
    assertNoCorsHeaders(login);
  }

  @Test
  void requestWithoutOriginGetsNoCorsHeaders() {
    assertNoCorsHeaders(as(user).get("/api/v1/users/me"));
  }

  private static Response preflight(String origin, String method, String headers, String path) {
    RequestSpecification request =
        given()
            .baseUri(NexusServer.node().baseUrl())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method);
    if (headers != null) {
      request = request.header("Access-Control-Request-Headers", headers);
    }
    return request.options(path);
  }

  private static void assertNoCorsHeaders(Response response) {
    for (Header header : response.headers()) {
      assertThat(
          header.toString(),
          header.getName().toLowerCase().startsWith("access-control-"),
          equalTo(false));
    }
    assertThat(response.header("Access-Control-Allow-Origin"), nullValue());
  }
}

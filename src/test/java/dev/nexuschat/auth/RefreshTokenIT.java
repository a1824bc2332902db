package dev.nexuschat.auth;

import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.SetCookie;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.Tokens;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The refresh token's life: the cookie, rotation, theft detection by reuse, logout. */
@NexusIT
class RefreshTokenIT {
  private static final String COOKIE = "nexus_refresh";
  private static final String COOKIE_PATH = "/api/v1/auth";
  private static final long THIRTY_DAYS = Duration.ofDays(30).toSeconds();

  private static TestUser user;

  @BeforeAll
  static void account() {
    user = Api.newUser("refresh");
  }

  @Test
  void loginSetsAnHttpOnlyStrictSessionCookieScopedToAuth() {
    Response login = login(false);
    SetCookie cookie = refreshCookie(login);
    assertThat(cookie.value(), equalTo(login.path("refresh_token")));
    assertThat(cookie.toString(), cookie.has("HttpOnly"), is(true));
    assertThat(cookie.toString(), cookie.get("SameSite"), equalToIgnoringCase("Strict"));
    assertThat(cookie.toString(), cookie.get("Path"), equalTo(COOKIE_PATH));
    // Without remember-me the cookie ends with the browser session.
    assertThat(cookie.toString(), cookie.has("Max-Age"), is(false));
    assertThat(cookie.toString(), cookie.has("Expires"), is(false));
    // Served over plain HTTP here: a Secure cookie would never come back.
    assertThat(cookie.toString(), cookie.has("Secure"), is(false));
  }

  @Test
  void rememberMeCookieLastsThirtyDays() {
    SetCookie cookie = refreshCookie(login(true));
    assertThat(cookie.toString(), cookie.has("HttpOnly"), is(true));
    assertThat(cookie.toString(), cookie.get("SameSite"), equalToIgnoringCase("Strict"));
    assertThat(cookie.toString(), cookie.get("Path"), equalTo(COOKIE_PATH));
    assertThat(
        cookie.toString(),
        maxAge(cookie),
        allOf(greaterThan(THIRTY_DAYS - 300), lessThanOrEqualTo(THIRTY_DAYS)));
  }

  @Test
  void cookieIsSecureWhenAnHttpsProxyForwardedTheRequest() {
    Response login =
        Api.anonymous()
            .header("X-Forwarded-Proto", "https")
            .body(Map.of("email", user.email(), "password", Api.PASSWORD))
            .post("/api/v1/auth/login");
    login.then().statusCode(200);
    SetCookie cookie = refreshCookie(login);
    assertThat(cookie.toString(), cookie.has("Secure"), is(true));
  }

  @Test
  void refreshWithTheBodyRotatesTheToken() {
    Response login = login(false);
    String first = login.path("refresh_token");
    Response refreshed = refreshWithBody(first);
    refreshed
        .then()
        .statusCode(200)
        .body("token_type", equalToIgnoringCase("bearer"))
        .body("expires_in", equalTo(1800))
        .body("user.id", equalTo(user.id()))
        .body("access_token", notNullValue());
    String second = refreshed.path("refresh_token");
    assertThat(second, not(equalTo(first)));
    assertThat(refreshCookie(refreshed).value(), equalTo(second));
    assertThat((String) refreshed.path("access_token"), not(equalTo(login.path("access_token"))));
    Api.anonymous()
        .header("Authorization", "Bearer " + refreshed.path("access_token"))
        .get("/api/v1/users/me")
        .then()
        .statusCode(200)
        .body("id", equalTo(user.id()));
    // The new token works once, as any fresh one does.
    refreshWithBody(second).then().statusCode(200);
  }

  @Test
  void refreshWithTheCookieRotatesTheToken() {
    String first = login(false).path("refresh_token");
    Response refreshed = refreshWithCookie(first);
    refreshed.then().statusCode(200);
    String second = refreshed.path("refresh_token");
    assertThat(second, not(equalTo(first)));
    SetCookie cookie = refreshCookie(refreshed);
    assertThat(cookie.value(), equalTo(second));
    assertThat(cookie.toString(), cookie.has("HttpOnly"), is(true));
    assertThat(cookie.toString(), cookie.get("Path"), equalTo(COOKIE_PATH));
    refreshWithCookie(second).then().statusCode(200);
  }

  @Test
  void rotatedTokenNoLongerWorksOnceTheGraceIsOver() {
    String first = login(false).path("refresh_token");
    refreshWithBody(first).then().statusCode(200);
    usedLongAgo(first);
    assertProblem(refreshWithBody(first), 401, "UNAUTHORIZED");
  }

  /**
   * A client whose refresh answer got lost (a dropped connection, a tab that retried) presents the
   * same token again within seconds: it gets the successor it missed, and the session lives on.
   */
  @Test
  void retryWithinTheGraceGetsTheSameNewRefreshTokenAndKeepsTheSession() {
    String first = login(false).path("refresh_token");
    Response rotated = refreshWithBody(first);
    rotated.then().statusCode(200);
    String second = rotated.path("refresh_token");

    Response retried = refreshWithBody(first);
    retried.then().statusCode(200).body("refresh_token", equalTo(second));
    assertThat(refreshCookie(retried).value(), equalTo(second));
    Api.anonymous()
        .header("Authorization", "Bearer " + retried.path("access_token"))
        .get("/api/v1/users/me")
        .then()
        .statusCode(200);
    Api.anonymous()
        .header("Authorization", "Bearer " + rotated.path("access_token"))
        .get("/api/v1/users/me")
        .then()
        .statusCode(200);
    // The successor is still the family's one live token.
    refreshWithCookie(second).then().statusCode(200);
  }

  @Test
  void retryWithinTheGraceAfterLogoutIsRefused() {
    String first = login(false).path("refresh_token");
    String second = refreshWithBody(first).then().statusCode(200).extract().path("refresh_token");
    Api.anonymous()
        .body(Map.of("refresh_token", second))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
    assertProblem(refreshWithBody(first), 401, "UNAUTHORIZED");
  }

  @Test
  void rotationKeepsRememberMe() {
    String remembered = login(true).path("refresh_token");
    SetCookie cookie = refreshCookie(refreshWithBody(remembered));
    assertThat(cookie.toString(), maxAge(cookie), greaterThan(THIRTY_DAYS - 300));
    String forgotten = login(false).path("refresh_token");
    assertThat(refreshCookie(refreshWithBody(forgotten)).has("Max-Age"), is(false));
  }

  @Test
  void reusingARotatedTokenRevokesTheWholeFamily() {
    String first = login(false).path("refresh_token");
    String second = refreshWithBody(first).then().statusCode(200).extract().path("refresh_token");
    String third = refreshWithBody(second).then().statusCode(200).extract().path("refresh_token");
    String otherLogin = login(false).path("refresh_token");
    usedLongAgo(first);

    // The thief (or the victim) presents a token that was rotated already, past the grace.
    assertProblem(refreshWithBody(first), 401, "UNAUTHORIZED");
    // The newest token of that family is dead too, whoever holds it.
    assertProblem(refreshWithBody(third), 401, "UNAUTHORIZED");
    assertProblem(refreshWithCookie(third), 401, "UNAUTHORIZED");
    // Another login of the same user is a different family.
    refreshWithBody(otherLogin).then().statusCode(200);
  }

  /**
   * Two tabs racing with one token: both are answered, with one and the same successor, so the
   * family never forks into two live tokens and the session survives.
   */
  @Test
  void concurrentRefreshesOfOneTokenShareOneSuccessor() throws Exception {
    String token = login(false).path("refresh_token");
    int racers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return refreshWithBody(token);
                }));
      }
      start.countDown();
      Set<String> successors = new HashSet<>();
      for (Future<Response> answer : answers) {
        Response response = answer.get(60, TimeUnit.SECONDS);
        response.then().statusCode(200);
        successors.add(response.path("refresh_token"));
      }
      assertThat(successors.toString(), successors.size(), equalTo(1));
      refreshWithBody(successors.iterator().next()).then().statusCode(200);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void logoutRevokesTheFamilyAndClearsTheCookie() {
    String first = login(false).path("refresh_token");
    String second = refreshWithBody(first).then().statusCode(200).extract().path("refresh_token");
    String otherLogin = login(false).path("refresh_token");

    Response logout =
        Api.anonymous().body(Map.of("refresh_token", second)).post("/api/v1/auth/logout");
    logout.then().statusCode(204);
    assertCleared(refreshCookie(logout));
    assertProblem(refreshWithBody(second), 401, "UNAUTHORIZED");
    assertProblem(refreshWithCookie(second), 401, "UNAUTHORIZED");
    refreshWithBody(otherLogin).then().statusCode(200);
  }

  @Test
  void logoutWithTheCookieRevokesItsFamily() {
    String token = login(false).path("refresh_token");
    Response logout = Api.anonymous().cookie(COOKIE, token).post("/api/v1/auth/logout");
    logout.then().statusCode(204);
    assertCleared(refreshCookie(logout));
    assertProblem(refreshWithBody(token), 401, "UNAUTHORIZED");
  }

  @Test
  void logoutWithoutATokenStillClearsTheCookie() {
    Response logout = Api.anonymous().post("/api/v1/auth/logout");
    logout.then().statusCode(204);
    assertCleared(refreshCookie(logout));
  }

  @Test
  void refreshWithNothingIsUnauthorized() {
    assertProblem(Api.anonymous().post("/api/v1/auth/refresh"), 401, "UNAUTHORIZED");
    assertProblem(Api.anonymous().body("{}").post("/api/v1/auth/refresh"), 401, "UNAUTHORIZED");
    assertProblem(
        Api.anonymous().body(Map.of("refresh_token", "")).post("/api/v1/auth/refresh"),
        401,
        "UNAUTHORIZED");
  }

  @Test
  void refreshWithSomethingElseIsUnauthorized() {
    assertProblem(refreshWithBody("made-up-token"), 401, "UNAUTHORIZED");
    assertProblem(refreshWithBody("x".repeat(5000)), 401, "UNAUTHORIZED");
    assertProblem(refreshWithCookie("made-up-token"), 401, "UNAUTHORIZED");
    // An access token is no refresh token.
    assertProblem(refreshWithBody(login(false).path("access_token")), 401, "UNAUTHORIZED");
  }

  @Test
  void expiredRefreshTokenIsUnauthorized() throws Exception {
    String token = login(true).path("refresh_token");
    try (Connection db = NexusServer.services().openDatabase();
        PreparedStatement expire =
            db.prepareStatement(
                "UPDATE refresh_tokens SET expires_at = now() - interval '1 minute' WHERE token_hash = ?")) {
      expire.setString(1, sha256(token));
      assertThat(expire.executeUpdate(), equalTo(1));
    }
    assertProblem(refreshWithBody(token), 401, "UNAUTHORIZED");
  }

  /**
   * The web client refreshes when its access token has expired, and may still send it along: the
   * public auth endpoints must not be refused over it.
   */
  @Test
  void refreshAndLoginIgnoreAStaleAccessTokenSentAlong() {
    String stale =
        "Bearer "
            + Tokens.forge(
                user,
                claims -> {
                  long now = NumericDate.now().getValue();
                  claims.setIssuedAt(NumericDate.fromSeconds(now - 31 * 60));
                  claims.setExpirationTime(NumericDate.fromSeconds(now - 60));
                });
    String token = login(false).path("refresh_token");
    Api.anonymous()
        .header("Authorization", stale)
        .body(Map.of("refresh_token", token))
        .post("/api/v1/auth/refresh")
        .then()
        .statusCode(200);
    Api.anonymous()
        .header("Authorization", stale)
        .body(Map.of("email", user.email(), "password", Api.PASSWORD))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200);
  }

  private static Response login(boolean rememberMe) {
    Response login =
        Api.anonymous()
            .body(
                Map.of("email", user.email(), "password", Api.PASSWORD, "remember_me", rememberMe))
            .post("/api/v1/auth/login");
    login.then().statusCode(200);
    return login;
  }

  private static Response refreshWithBody(String token) {
    return Api.anonymous().body(Map.of("refresh_token", token)).post("/api/v1/auth/refresh");
  }

  private static Response refreshWithCookie(String token) {
    return Api.anonymous().cookie(COOKIE, token).post("/api/v1/auth/refresh");
  }

  private static SetCookie refreshCookie(Response response) {
    return SetCookie.find(response, COOKIE)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + COOKIE + " cookie in " + response.headers().getValues("Set-Cookie")));
  }

  private static void assertCleared(SetCookie cookie) {
    assertThat(cookie.toString(), cookie.value(), equalTo(""));
    assertThat(cookie.toString(), cookie.get("Path"), equalTo(COOKIE_PATH));
    boolean maxAgeZero = "0".equals(cookie.get("Max-Age"));
    boolean expiresPast =
        cookie.has("Expires")
            && ZonedDateTime.parse(cookie.get("Expires"), DateTimeFormatter.RFC_1123_DATE_TIME)
                .isBefore(ZonedDateTime.now());
    assertThat(cookie.toString(), maxAgeZero || expiresPast, is(true));
  }

  private static long maxAge(SetCookie cookie) {
    assertThat(cookie.toString(), cookie.get("Max-Age"), anyOf(notNullValue()));
    return Long.parseLong(cookie.get("Max-Age"));
  }

  /** Moves a rotation a minute back: presenting the token now is a reuse, not a retry. */
  private static void usedLongAgo(String token) {
    String hash;
    try {
      hash = sha256(token);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    assertThat(
        StoredRows.update(
            "UPDATE refresh_tokens SET used_at = used_at - interval '1 minute'"
                + " WHERE token_hash = ? AND used_at IS NOT NULL",
            hash),
        equalTo(1));
  }

  private static String sha256(String token) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
  }
}

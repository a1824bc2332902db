package dev.nexuschat.platform;

import static dev.nexuschat.testsupport.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Login and register take 5 attempts per minute per client IP, the availability check 30; the
 * counters live in Redis, so every node counts against one limit. Each test uses IPs of its own.
 */
@NexusIT
class RateLimitIT {
  private static final int AUTH_LIMIT = 5;
  private static final int AVAILABILITY_LIMIT = 30;

  private static TestUser user;
  private static RedisClient redis;

  @BeforeAll
  static void setUp() {
    user = Api.newUser("limited");
    redis = RedisClient.create(URI.create(NexusServer.services().redisUrl()));
  }

  @AfterAll
  static void tearDown() {
    redis.close();
  }

  @Test
  void sixthLoginWithinAMinuteIsRateLimited() {
    String ip = Api.uniqueIp();
    for (int i = 0; i < AUTH_LIMIT; i++) {
      assertProblem(login(ip, user.email(), "Wrong-Password-1"), 401, "UNAUTHORIZED");
    }
    // Even the right password: the client has used up its attempts.
    assertRateLimited(login(ip, user.email(), Api.PASSWORD));
    assertRateLimited(login(ip, user.email(), Api.PASSWORD));
  }

  @Test
  void successfulLoginsCountToo() {
    String ip = Api.uniqueIp();
    for (int i = 0; i < AUTH_LIMIT; i++) {
      login(ip, user.email(), Api.PASSWORD).then().statusCode(200);
    }
    assertRateLimited(login(ip, user.email(), Api.PASSWORD));
  }

  @Test
  void failedAndMalformedAttemptsCount() {
    String ip = Api.uniqueIp();
    assertProblem(login(ip, user.email(), "Wrong-Password-1"), 401, "UNAUTHORIZED");
    assertProblem(
        login(ip, "nobody-" + ip.replace(':', '-') + "@example.test", Api.PASSWORD),
        401,
        "UNAUTHORIZED");
    assertProblem(
        from(ip).body("{\"email\": ").post("/api/v1/auth/login"), 400, "VALIDATION_FAILED");
    assertProblem(from(ip).body("{}").post("/api/v1/auth/login"), 400, "VALIDATION_FAILED");
    assertProblem(from(ip).body("[1, 2]").post("/api/v1/auth/login"), 400, "VALIDATION_FAILED");
    assertRateLimited(login(ip, user.email(), Api.PASSWORD));
  }

  @Test
  void sixthRegistrationWithinAMinuteIsRateLimited() {
    String ip = Api.uniqueIp();
    String suffix = Integer.toHexString(ip.hashCode() & 0xfffff);
    register(ip, "rl_a_" + suffix).then().statusCode(201);
    register(ip, "rl_b_" + suffix).then().statusCode(201);
    assertProblem(
        from(ip).body(Map.of("email", "not-an-email")).post("/api/v1/auth/register"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        from(ip).body("not json").post("/api/v1/auth/register"), 400, "VALIDATION_FAILED");
    assertProblem(register(ip, "rl_a_" + suffix), 409, "EMAIL_TAKEN");

    assertRateLimited(register(ip, "rl_c_" + suffix));
    // Refused before anything was stored.
    Api.anonymous()
        .queryParam("username", "rl_c_" + suffix)
        .get("/api/v1/auth/availability")
        .then()
        .statusCode(200)
        .body("username_available", equalTo(true));
  }

  @Test
  void parallelAttemptsCannotSqueezePastTheLimit() throws Exception {
    String ip = Api.uniqueIp();
    int attempts = 12;
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return login(ip, user.email(), "Wrong-Password-1");
                }));
      }
      start.countDown();
      int limited = 0;
      for (Future<Response> answer : answers) {
        Response response = answer.get(120, TimeUnit.SECONDS);
        if (response.statusCode() == 429) {
          assertRateLimited(response);
          limited++;
        } else {
          assertProblem(response, 401, "UNAUTHORIZED");
        }
      }
      assertThat(limited, equalTo(attempts - AUTH_LIMIT));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anotherClientIsNotAffected() {
    String limited = Api.uniqueIp();
    for (int i = 0; i < AUTH_LIMIT; i++) {
      login(limited, user.email(), "Wrong-Password-1").then().statusCode(401);
    }
    assertRateLimited(login(limited, user.email(), Api.PASSWORD));
    login(Api.uniqueIp(), user.email(), Api.PASSWORD).then().statusCode(200);
    assertRateLimited(login(limited, user.email(), Api.PASSWORD));
  }

  /**
   * Behind a trusted proxy the client is the right-most untrusted hop; what it prepends is ignored.
   */
  @Test
  void spoofedForwardedForEntriesDoNotEscapeTheLimit() {
    String ip = Api.uniqueIp();
    for (int i = 0; i < AUTH_LIMIT; i++) {
      given()
          .baseUri(NexusServer.node().baseUrl())
          .header("X-Forwarded-For", Api.uniqueIp() + ", " + ip)
          .contentType(ContentType.JSON)
          .body(Map.of("email", user.email(), "password", "Wrong-Password-1"))
          .post("/api/v1/auth/login")
          .then()
          .statusCode(401);
    }
    assertRateLimited(
        given()
            .baseUri(NexusServer.node().baseUrl())
            .header("X-Forwarded-For", "203.0.113.7, " + ip)
            .contentType(ContentType.JSON)
            .body(Map.of("email", user.email(), "password", Api.PASSWORD))
            .post("/api/v1/auth/login"));
  }

  @Test
  void attemptsAreCountedInRedisForOneMinute() {
    String ip = Api.uniqueIp();
    login(ip, user.email(), "Wrong-Password-1").then().statusCode(401);
    login(ip, user.email(), "Wrong-Password-1").then().statusCode(401);
    String key = "nexus:ratelimit:login:" + slash64(ip);
    assertThat(redis.get(key), equalTo("2"));
    assertThat(redis.pttl(key), allOf(greaterThan(0L), lessThanOrEqualTo(60_000L)));
  }

  /** What another node counted is this node's limit too, and the count lives nowhere else. */
  @Test
  void limitIsSharedThroughRedis() {
    String ip = Api.uniqueIp();
    String key = "nexus:ratelimit:login:" + slash64(ip);
    // Another node saw five attempts from this client.
    redis.psetex(key, 60_000L, "5");
    assertRateLimited(login(ip, user.email(), Api.PASSWORD));
    // The window ends (here: the key goes), and the client may try again.
    redis.del(key);
    login(ip, user.email(), Api.PASSWORD).then().statusCode(200);
  }

  @Test
  void availabilityCheckHasItsOwnLooserLimit() {
    String ip = Api.uniqueIp();
    for (int i = 0; i < AVAILABILITY_LIMIT; i++) {
      from(ip)
          .queryParam("username", "free_" + i)
          .get("/api/v1/auth/availability")
          .then()
          .statusCode(200);
    }
    assertRateLimited(from(ip).queryParam("username", "one_more").get("/api/v1/auth/availability"));
    // A separate bucket: the login limit is untouched.
    login(ip, user.email(), Api.PASSWORD).then().statusCode(200);
  }

  @Test
  void exhaustedLoginLimitLeavesTheAvailabilityCheckAlone() {
    String ip = Api.uniqueIp();
    for (int i = 0; i < AUTH_LIMIT; i++) {
      login(ip, user.email(), "Wrong-Password-1").then().statusCode(401);
    }
    assertRateLimited(login(ip, user.email(), Api.PASSWORD));
    from(ip)
        .queryParam("email", user.email())
        .get("/api/v1/auth/availability")
        .then()
        .statusCode(200)
        .body("email_available", equalTo(false));
  }

  /** One subscriber usually holds a whole /64: stepping through its addresses must not help. */
  @Test
  void ipv6AddressesOfOneSlash64ShareALimit() {
    String first = Api.uniqueIp();
    String neighbour = first.replace("::7", "::8");
    for (int i = 0; i < AUTH_LIMIT; i++) {
      login(i % 2 == 0 ? first : neighbour, user.email(), "Wrong-Password-1")
          .then()
          .statusCode(401);
    }
    assertRateLimited(login(first.replace("::7", "::9"), user.email(), Api.PASSWORD));
    login(Api.uniqueIp(), user.email(), Api.PASSWORD).then().statusCode(200);
  }

  /**
   * The bucket an {@link Api#uniqueIp()} address counts in ("2001:db8:x::7" → "2001:db8:x:0::/64").
   */
  private static String slash64(String uniqueIp) {
    return uniqueIp.replace("::7", ":0::/64");
  }

  private static void assertRateLimited(Response response) {
    assertProblem(response, 429, "RATE_LIMITED");
    int retryAfter = Integer.parseInt(response.header("Retry-After"));
    assertThat(retryAfter, allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(60)));
    assertThat(response.jsonPath().getString("code"), not(equalTo("UNAUTHORIZED")));
  }

  private static RequestSpecification from(String ip) {
    return given()
        .baseUri(NexusServer.node().baseUrl())
        .header("X-Forwarded-For", ip)
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  private static Response login(String ip, String email, String password) {
    return from(ip).body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
  }

  private static Response register(String ip, String username) {
    return from(ip)
        .body(
            Map.of(
                "email",
                username + "@example.test",
                "username",
                username,
                "display_name",
                "Limited " + username,
                "password",
                Api.PASSWORD))
        .post("/api/v1/auth/register");
  }
}

package dev.nexuschat.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request helpers. Each anonymous request comes from its own documentation-range IPv6 address
 * (through the trusted-proxy header), so the 5-per-minute auth limit only bites where a test means
 * it to.
 */
public final class Api {
  public static final String PASSWORD = "Correct-Horse-9";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private Api() {}

  /** A client address of its own rate-limit bucket: limits count an IPv6 client per /64. */
  public static String uniqueIp() {
    return "2001:db8:" + Integer.toHexString(SEQUENCE.incrementAndGet() % 0xefff + 0x1000) + "::7";
  }

  public static RequestSpecification anonymous() {
    return anonymous(NexusServer.node().baseUrl());
  }

  /** Anonymous requests to {@code baseUrl}: another node, or a proxy in front of the nodes. */
  public static RequestSpecification anonymous(String baseUrl) {
    return given()
        .baseUri(baseUrl)
        .header("X-Forwarded-For", uniqueIp())
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  public static RequestSpecification as(TestUser user) {
    return as(NexusServer.node().baseUrl(), user);
  }

  /** Requests as {@code user} to {@code baseUrl}: another node, or a node of its own. */
  public static RequestSpecification as(String baseUrl, TestUser user) {
    return anonymous(baseUrl).header("Authorization", "Bearer " + user.accessToken());
  }

  /** Registers and signs in a new user whose name starts with {@code prefix}. */
  public static TestUser newUser(String prefix) {
    return newUser(NexusServer.node().baseUrl(), prefix);
  }

  /** Registers and signs in a new user through {@code baseUrl}. */
  public static TestUser newUser(String baseUrl, String prefix) {
    int n = SEQUENCE.incrementAndGet();
    String username = (prefix + "_" + n + "_" + System.nanoTime() % 100000).toLowerCase();
    if (username.length() > 50) {
      username = username.substring(0, 50);
    }
    String email = username + "@example.test";
    String id =
        anonymous(baseUrl)
            .body(
                Map.of(
                    "email",
                    email,
                    "username",
                    username,
                    "display_name",
                    "User " + username,
                    "password",
                    PASSWORD))
            .post("/api/v1/auth/register")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Response login =
        anonymous(baseUrl)
            .body(Map.of("email", email, "password", PASSWORD))
            .post("/api/v1/auth/login");
    login.then().statusCode(200);
    return new TestUser(
        id,
        username,
        email,
        "User " + username,
        login.path("access_token"),
        login.path("refresh_token"));
  }

  /** A group room created by {@code owner} with the given members. */
  public static String newRoom(TestUser owner, TestUser... members) {
    return newRoom(NexusServer.node().baseUrl(), owner, members);
  }

  /** A group room created through {@code baseUrl}. */
  public static String newRoom(String baseUrl, TestUser owner, TestUser... members) {
    return as(baseUrl, owner)
        .body(
            Map.of(
                "name",
                "Room of " + owner.username(),
                "member_ids",
                List.of(members).stream().map(TestUser::id).toList()))
        .post("/api/v1/rooms")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String send(TestUser sender, String roomId, String content) {
    return send(NexusServer.node().baseUrl(), sender, roomId, content);
  }

  /** Posts a message through {@code baseUrl}; its id. */
  public static String send(String baseUrl, TestUser sender, String roomId, String content) {
    return as(baseUrl, sender)
        .body(Map.of("content", content))
        .post("/api/v1/rooms/" + roomId + "/messages")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}

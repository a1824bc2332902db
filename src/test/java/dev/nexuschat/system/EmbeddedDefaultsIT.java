package dev.nexuschat.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.nexuschat.testsupport.LibertyInstance;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node with no NEXUS_DB_URL, NEXUS_REDIS_URL or NEXUS_JWT_SECRET, as `./mvnw liberty:run` starts
 * it: embedded H2 under the data directory, in-process presence and limits, and a generated signing
 * secret, all surviving a restart.
 */
class EmbeddedDefaultsIT {
  private static LibertyInstance node;

  @BeforeAll
  static void start() {
    node = LibertyInstance.start("embedded-defaults", Map.of());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.stop();
    }
  }

  private static RequestSpecification request() {
    return given().baseUri(node.baseUrl()).contentType(ContentType.JSON).accept(ContentType.JSON);
  }

  @Test
  void chatsOnEmbeddedDefaultsAndKeepsEverythingAcrossARestart() throws Exception {
    request()
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'database' }.data.product", equalTo("H2"));

    Map<String, String> alice =
        Map.of(
            "email",
            "alice@example.test",
            "username",
            "alice",
            "display_name",
            "Alice",
            "password",
            "Correct-Horse-9");
    Map<String, String> bob =
        Map.of(
            "email",
            "bob@example.test",
            "username",
            "bob",
            "display_name",
            "Bob",
            "password",
            "Correct-Horse-9");
    request().body(alice).post("/api/v1/auth/register").then().statusCode(201);
    String bobId =
        request()
            .body(bob)
            .post("/api/v1/auth/register")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String token = login("alice@example.test");

    String roomId =
        request()
            .auth()
            .oauth2(token)
            .body(Map.of("name", "General", "member_ids", List.of(bobId)))
            .post("/api/v1/rooms")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    request()
        .auth()
        .oauth2(token)
        .body(Map.of("content", "Hello from H2"))
        .post("/api/v1/rooms/" + roomId + "/messages")
        .then()
        .statusCode(201);
    request()
        .auth()
        .oauth2(token)
        .get("/api/v1/rooms/" + roomId + "/messages")
        .then()
        .statusCode(200)
        .body("messages", hasSize(1))
        .body("messages[0].content", equalTo("Hello from H2"));

    assertThat(Files.readString(node.dataDir().resolve("generated-secrets.xml")))
        .contains("nexus.generated.jwt.secret");

    node.restart();

    // The generated secret was kept: a token from before the restart still works.
    request()
        .auth()
        .oauth2(token)
        .get("/api/v1/users/me")
        .then()
        .statusCode(200)
        .body("username", equalTo("alice"));
    String bobToken = login("bob@example.test");
    request()
        .auth()
        .oauth2(bobToken)
        .get("/api/v1/rooms/" + roomId + "/messages")
        .then()
        .statusCode(200)
        .body("messages[0].content", equalTo("Hello from H2"));
    request()
        .auth()
        .oauth2(bobToken)
        .get("/api/v1/rooms")
        .then()
        .statusCode(200)
        .body("[0].unread_count", equalTo(1));

    // H2 takes the entity path of a post (PostgreSQL one statement): replies and client_id
    // repeats work the same.
    String helloId =
        request()
            .auth()
            .oauth2(bobToken)
            .get("/api/v1/rooms/" + roomId + "/messages")
            .then()
            .extract()
            .path("messages[0].id");
    Map<String, String> reply =
        Map.of("content", "Hello back", "parent_id", helloId, "client_id", "bob-1");
    String replyId =
        request()
            .auth()
            .oauth2(bobToken)
            .body(reply)
            .post("/api/v1/rooms/" + roomId + "/messages")
            .then()
            .statusCode(201)
            .body("parent.content", equalTo("Hello from H2"))
            .extract()
            .path("id");
    request()
        .auth()
        .oauth2(bobToken)
        .body(reply)
        .post("/api/v1/rooms/" + roomId + "/messages")
        .then()
        .statusCode(200)
        .body("id", equalTo(replyId));
    request()
        .auth()
        .oauth2(token)
        .get("/api/v1/rooms")
        .then()
        .statusCode(200)
        .body("[0].unread_count", equalTo(1));
  }

  @Test
  void textAtItsLimitInCharactersOutsideTheBmpIsStoredOnH2Too() {
    // H2 counts UTF-16 units where the API (and PostgreSQL) count characters: an emoji is two.
    String emoji = "😀";
    request()
        .body(
            Map.of(
                "email", "emoji@example.test",
                "username", "emoji",
                "display_name", emoji.repeat(100),
                "password", "Correct-Horse-9"))
        .post("/api/v1/auth/register")
        .then()
        .statusCode(201)
        .body("display_name", equalTo(emoji.repeat(100)));
    String token = login("emoji@example.test");
    request()
        .auth()
        .oauth2(token)
        .body(Map.of("display_name", "İ".repeat(100)))
        .patch("/api/v1/users/me")
        .then()
        .statusCode(200);
    String room =
        request()
            .auth()
            .oauth2(token)
            .body(
                Map.of(
                    "name", emoji.repeat(100),
                    "description", emoji.repeat(500),
                    "member_ids", List.of()))
            .post("/api/v1/rooms")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    request()
        .auth()
        .oauth2(token)
        .body(Map.of("content", emoji.repeat(5000), "client_id", emoji.repeat(64)))
        .post("/api/v1/rooms/" + room + "/messages")
        .then()
        .statusCode(201)
        .body("client_id", equalTo(emoji.repeat(64)));
  }

  /**
   * Changeset 005 and the grouped reaction query on H2: the longest emoji, counted and taken back.
   */
  @Test
  void reactionsAreStoredAndCountedOnH2Too() {
    request()
        .body(
            Map.of(
                "email", "reactor@example.test",
                "username", "reactor",
                "display_name", "Reactor",
                "password", "Correct-Horse-9"))
        .post("/api/v1/auth/register")
        .then()
        .statusCode(201);
    String token = login("reactor@example.test");
    String room =
        request()
            .auth()
            .oauth2(token)
            .body(Map.of("name", "Reactions", "member_ids", List.of()))
            .post("/api/v1/rooms")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String message =
        request()
            .auth()
            .oauth2(token)
            .body(Map.of("content", "react on H2"))
            .post("/api/v1/rooms/" + room + "/messages")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String kiss = "👩🏻‍❤️‍💋‍👨🏼"; // 15 UTF-16 units, H2's measure
    String reaction =
        "/api/v1/rooms/"
            + room
            + "/messages/"
            + message
            + "/reactions/"
            + java.net.URLEncoder.encode(kiss, java.nio.charset.StandardCharsets.UTF_8);
    request().auth().oauth2(token).urlEncodingEnabled(false).put(reaction).then().statusCode(200);
    request()
        .auth()
        .oauth2(token)
        .get("/api/v1/rooms/" + room + "/messages")
        .then()
        .statusCode(200)
        .body("messages[0].reactions[0].emoji", equalTo(kiss))
        .body("messages[0].reactions[0].count", equalTo(1))
        .body("messages[0].reactions[0].me", equalTo(true));
    request()
        .auth()
        .oauth2(token)
        .urlEncodingEnabled(false)
        .delete(reaction)
        .then()
        .statusCode(200)
        .body("reactions", hasSize(0));
  }

  private static String login(String email) {
    Response login =
        request()
            .body(Map.of("email", email, "password", "Correct-Horse-9"))
            .post("/api/v1/auth/login");
    login.then().statusCode(200);
    return login.path("access_token");
  }
}

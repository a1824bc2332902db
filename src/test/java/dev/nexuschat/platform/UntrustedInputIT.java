package dev.nexuschat.platform;

import static dev.nexuschat.testsupport.Api.as;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input an attacker controls: avatar URLs that would run script, markup and SQL in messages. */
@NexusIT
class UntrustedInputIT {
  private static TestUser user;

  @BeforeAll
  static void account() {
    user = Api.newUser("untrusted");
  }

  @ParameterizedTest(name = "avatar_url {0} → 400")
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/a.png",
        "not a url"
      })
  void avatarUrlMustBeAWebAddress(String avatarUrl) {
    Response response = as(user).body(Map.of("avatar_url", avatarUrl)).patch("/api/v1/users/me");
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(response.jsonPath().getList("errors.field"), hasItem("avatar_url"));
  }

  @Test
  void overlongAvatarUrlIsRefused() {
    String url = "https://cdn.example.test/" + "a".repeat(2048);
    assertProblem(
        as(user).body(Map.of("avatar_url", url)).patch("/api/v1/users/me"),
        400,
        "VALIDATION_FAILED");
  }

  @Test
  void webAvatarUrlIsAccepted() {
    as(user)
        .body(Map.of("avatar_url", "https://cdn.example.test/a.png"))
        .patch("/api/v1/users/me")
        .then()
        .statusCode(200)
        .body("avatar_url", equalTo("https://cdn.example.test/a.png"));
  }

  /**
   * Stored and returned verbatim, as JSON: escaping is the renderer's job, never the browser's
   * guess.
   */
  @Test
  void markupAndSqlInMessagesAreStoredVerbatimAndServedAsJson() {
    String room = Api.newRoom(user);
    String markup = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    String sql = "'); DROP TABLE messages; --";
    Api.send(user, room, markup);
    Api.send(user, room, sql);
    Response history = as(user).get("/api/v1/rooms/" + room + "/messages");
    history
        .then()
        .statusCode(200)
        .body("messages[0].content", equalTo(markup))
        .body("messages[1].content", equalTo(sql));
    assertThat(history.contentType(), startsWith("application/json"));
  }
}

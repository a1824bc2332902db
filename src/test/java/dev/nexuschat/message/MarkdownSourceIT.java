package dev.nexuschat.message;

import static dev.nexuschat.testsupport.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Message content is Markdown source that clients render: the server stores it and serves it, over
 * REST and the socket, exactly as written (only the ends trimmed), never escaped or rewritten.
 */
@NexusIT
class MarkdownSourceIT {
  private static TestUser alice;
  private static TestUser bob;
  private static String room;

  @BeforeAll
  static void roomOfAliceAndBob() {
    alice = Api.newUser("md_alice");
    bob = Api.newUser("md_bob");
    room = Api.newRoom(alice, bob);
  }

  private static String messages() {
    return "/api/v1/rooms/" + room + "/messages";
  }

  private static String contentInHistory(String id) {
    return as(bob)
        .get(messages() + "?limit=100")
        .then()
        .statusCode(200)
        .extract()
        .path("messages.find { it.id == '" + id + "' }.content");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "**bold** _italic_ ~~strike~~ `code`\nline two\n\n> quote\n\n- a\n- b\n\n1. one",
        "```js\nif (a < b && c > d) {\n    return '\\\\n';\n}\n```",
        "text\n\n    indented code\n\tand a tab",
        "[x](javascript:alert(1)) <javascript:alert(1)> ![i](data:text/html,<b>x</b>)",
        "<script>alert(1)</script> &amp; &#x09; &lt;b&gt; \\*not italic\\* \\\\",
        "# not a heading\n---\n| a | b |\n|---|---|\n\u00e9\u00e8 \ud83d\ude00 \u200b\u202e"
      })
  void markdownSentOverRestIsStoredAndServedAsWritten(String source) {
    String id =
        as(alice)
            .body(Map.of("content", source))
            .post(messages())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertEquals(source, contentInHistory(id));
    assertEquals(
        List.of(source), StoredRows.column("SELECT content FROM messages WHERE id = ?", id));
  }

  @Test
  void markdownSentOverTheSocketReachesTheOtherMemberAsWritten() {
    String source = "> **quoted** `<b>`\n\n```\n  <img src=x onerror=alert(1)>\n```\n- [a](b)";
    try (WsClient aliceTab = WsClient.connect(alice);
        WsClient bobTab = WsClient.connect(bob)) {
      String frame =
          Json.createObjectBuilder()
              .add("room_id", room)
              .add("content", source)
              .add("client_id", "md-1")
              .build()
              .toString();
      JsonObject ack = aliceTab.reply(aliceTab.send("send_message", frame));
      assertEquals(source, ack.getJsonObject("data").getString("content"));
      String id = ack.getJsonObject("data").getString("id");
      JsonObject delivered = bobTab.await("new_message", d -> id.equals(d.getString("id")));
      assertEquals(source, delivered.getJsonObject("data").getString("content"));
      assertEquals(source, contentInHistory(id));
    }
  }

  @Test
  void editedMarkdownAndAReplysParentPreviewKeepTheSource() {
    String id = Api.send(alice, room, "draft");
    String edited = "~~draft~~ **final**\n\n```\n<svg onload=alert(1)>\n```";
    as(alice).body(Map.of("content", edited)).patch(messages() + "/" + id).then().statusCode(200);
    assertEquals(edited, contentInHistory(id));
    String reply =
        as(bob)
            .body(Map.of("content", "> " + edited, "parent_id", id))
            .post(messages())
            .then()
            .statusCode(201)
            .extract()
            .path("parent.content");
    assertEquals(edited, reply);
  }

  @Test
  void onlyTheEndsAreTrimmedSoAnIndentedBlockKeepsItsInnerIndentation() {
    String id = Api.send(alice, room, "\n    first line\n    second line\n");
    assertEquals("first line\n    second line", contentInHistory(id));
  }
}

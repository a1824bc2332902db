package dev.nexuschat.user;

import static dev.nexuschat.testsupport.Api.as;
import static dev.nexuschat.testsupport.Problems.assertInvalid;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.Accounts;
import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.TestUser;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@NexusIT
class UsersIT {
  private static TestUser me;

  @BeforeAll
  static void signIn() {
    me = Api.newUser("us_me");
  }

  private static Response patchMe(Object body) {
    return as(me).body(body).patch("/api/v1/users/me");
  }

  private static List<String> search(TestUser caller, String q) {
    return as(caller)
        .queryParam("q", q)
        .get("/api/v1/users/search")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  @Test
  void meShowsTheOwnAccount() {
    Response response = as(me).get("/api/v1/users/me");
    response
        .then()
        .statusCode(200)
        .body("id", equalTo(me.id()))
        .body("email", equalTo(me.email()))
        .body("username", equalTo(me.username()))
        .body("display_name", equalTo(me.displayName()))
        .body("created_at", org.hamcrest.Matchers.matchesPattern(".*\\.\\d{3}Z"));
    assertTrue(
        response
            .jsonPath()
            .getMap("")
            .keySet()
            .containsAll(
                Set.of(
                    "id",
                    "email",
                    "username",
                    "display_name",
                    "avatar_url",
                    "is_online",
                    "last_seen_at",
                    "created_at")));
  }

  @Test
  void displayNameIsTrimmedAndOneToOneHundredCharacters() {
    TestUser user = Api.newUser("us_name");
    as(user)
        .body(Map.of("display_name", "  New Name  "))
        .patch("/api/v1/users/me")
        .then()
        .statusCode(200)
        .body("display_name", equalTo("New Name"));
    as(user)
        .body(Map.of("display_name", "n".repeat(100)))
        .patch("/api/v1/users/me")
        .then()
        .statusCode(200);
    assertInvalid(
        as(user).body(Map.of("display_name", "n".repeat(101))).patch("/api/v1/users/me"),
        "display_name");
    assertInvalid(
        as(user).body(Map.of("display_name", "   ")).patch("/api/v1/users/me"), "display_name");
    assertInvalid(
        as(user).body("{\"display_name\": null}").patch("/api/v1/users/me"), "display_name");
    as(user).get("/api/v1/users/me").then().body("display_name", equalTo("n".repeat(100)));
  }

  @Test
  void avatarUrlMayBeHttpsAndNullClearsIt() {
    patchMe(Map.of("avatar_url", "https://cdn.example.test/a.png"))
        .then()
        .statusCode(200)
        .body("avatar_url", equalTo("https://cdn.example.test/a.png"));
    String longest =
        "https://cdn.example.test/" + "a".repeat(2048 - "https://cdn.example.test/".length());
    patchMe(Map.of("avatar_url", longest))
        .then()
        .statusCode(200)
        .body("avatar_url", equalTo(longest));
    assertInvalid(patchMe(Map.of("avatar_url", longest + "a")), "avatar_url");
    patchMe("{\"avatar_url\": null}").then().statusCode(200).body("avatar_url", nullValue());
    as(me).get("/api/v1/users/me").then().body("avatar_url", nullValue());
  }

  /**
   * Plain http would let any avatar be a tracking pixel (and mixed content): the CSP allows https
   * only.
   */
  @Test
  void plainHttpAvatarUrlIsRefusedWithAClearMessage() {
    assertInvalid(patchMe(Map.of("avatar_url", "http://cdn.example.test/b.png")), "avatar_url")
        .body("errors.message", hasItem("must be an https URL"));
    assertInvalid(patchMe(Map.of("avatar_url", "HTTP://cdn.example.test/b.png")), "avatar_url");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "ftp://files.example.test/a.png",
        "data:image/png;base64,AAAA",
        "//cdn.example.test/a.png",
        "not a url",
        "https://",
        "file:///etc/passwd"
      })
  void otherAvatarSchemesAreRejected(String url) {
    assertInvalid(patchMe(Map.of("avatar_url", url)), "avatar_url");
  }

  @Test
  void wrongJsonTypesInAProfileChangeAreFieldErrors() {
    assertInvalid(patchMe("{\"display_name\": 5}"), "display_name");
    assertInvalid(patchMe("{\"avatar_url\": true}"), "avatar_url");
    assertInvalid(patchMe("{\"display_name\": [\"x\"], \"avatar_url\": {}}"), "display_name")
        .body("errors.field", org.hamcrest.Matchers.hasItem("avatar_url"));
  }

  @Test
  void profileChangeBodyThatIsNotAnObjectIsRejected() {
    assertProblem(patchMe("[]"), 400, "VALIDATION_FAILED");
    assertProblem(patchMe("\"text\""), 400, "VALIDATION_FAILED");
    assertProblem(patchMe("{\"display_name\": "), 400, "VALIDATION_FAILED");
    assertProblem(as(me).patch("/api/v1/users/me"), 400, "VALIDATION_FAILED");
  }

  @Test
  void publicProfileShowsNoEmail() {
    TestUser other = Api.newUser("us_other");
    Response response = as(me).get("/api/v1/users/" + other.id());
    response
        .then()
        .statusCode(200)
        .body("id", equalTo(other.id()))
        .body("username", equalTo(other.username()))
        .body("display_name", equalTo(other.displayName()));
    assertEquals(
        Set.of("id", "username", "display_name", "avatar_url", "is_online", "last_seen_at"),
        response.jsonPath().getMap("").keySet());
  }

  @Test
  void unknownOrMalformedUserIsNotFound() {
    assertProblem(as(me).get("/api/v1/users/" + UUID.randomUUID()), 404, "NOT_FOUND");
    assertProblem(as(me).get("/api/v1/users/nobody"), 404, "NOT_FOUND");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", " a ", "😀"})
  void searchNeedsTwoCharacters(String q) {
    assertInvalid(as(me).queryParam("q", q).get("/api/v1/users/search"), "q");
  }

  @Test
  void searchWithoutQIsRejected() {
    assertInvalid(as(me).get("/api/v1/users/search"), "q");
  }

  @Test
  void searchIsCaseInsensitiveOnUsernameAndDisplayName() {
    String token = Accounts.token();
    String byUsername = Accounts.insert("User_" + token.toUpperCase(), "Someone");
    String byDisplayName =
        Accounts.insert(
            "plain_" + UUID.randomUUID().toString().substring(0, 8),
            "The " + token.toUpperCase() + " person");
    List<String> found = search(me, token);
    assertEquals(Set.of(byUsername, byDisplayName), Set.copyOf(found));
    assertEquals(Set.copyOf(found), Set.copyOf(search(me, token.toUpperCase())));
  }

  @Test
  void exactMatchesComeFirstThenPrefixesThenTheRest() {
    String token = Accounts.token();
    String substring = Accounts.insert("aaa_" + token, "A " + token);
    String prefix = Accounts.insert(token + "_zzz", "Z");
    String exactDisplay =
        Accounts.insert("zzz_" + UUID.randomUUID().toString().substring(0, 6), token.toUpperCase());
    String exactUsername = Accounts.insert(token, "Exact");
    List<String> found = search(me, token);
    assertEquals(4, found.size());
    assertEquals(Set.of(exactUsername, exactDisplay), Set.copyOf(found.subList(0, 2)));
    assertEquals(prefix, found.get(2));
    assertEquals(substring, found.get(3));
  }

  @Test
  void callerIsExcludedFromSearch() {
    String token = Accounts.token();
    TestUser self = Accounts.register(token + "_self", "Self " + token);
    String other = Accounts.insert(token + "_other", "Other");
    assertEquals(List.of(other), search(self, token));
  }

  @Test
  void searchLimitDefaultsToTwentyAndIsClampedToFifty() {
    String token = Accounts.token();
    for (int i = 0; i < 55; i++) {
      Accounts.insert(token + "_" + i, "Bulk " + i);
    }
    assertEquals(20, search(me, token).size());
    assertEquals(
        7,
        as(me)
            .queryParam("q", token)
            .queryParam("limit", 7)
            .get("/api/v1/users/search")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id")
            .size());
    assertEquals(
        50,
        as(me)
            .queryParam("q", token)
            .queryParam("limit", 500)
            .get("/api/v1/users/search")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id")
            .size());
    assertInvalid(
        as(me).queryParam("q", token).queryParam("limit", 0).get("/api/v1/users/search"), "limit");
    assertInvalid(
        as(me).queryParam("q", token).queryParam("limit", "ten").get("/api/v1/users/search"),
        "limit");
  }

  @Test
  void likeWildcardsAreMatchedLiterally() {
    String token = Accounts.token();
    String percent = Accounts.insert("pc_" + token, "100% " + token);
    Accounts.insert("px_" + token, "100x " + token);
    String underscore = Accounts.insert(token + "_u", "Under");
    Accounts.insert(token + "xu", "Cross");
    assertEquals(List.of(percent), search(me, "0% " + token));
    assertEquals(List.of(underscore), search(me, token + "_u"));
    assertTrue(search(me, "%%").stream().noneMatch(id -> id.equals(underscore)));
  }

  @Test
  void searchHitsCarryThePublicSummaryOnly() {
    String token = Accounts.token();
    Accounts.insert(token + "_shape", "Shape");
    Map<String, Object> hit =
        as(me)
            .queryParam("q", token)
            .get("/api/v1/users/search")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("[0]");
    assertEquals(Set.of("id", "username", "display_name", "avatar_url", "is_online"), hit.keySet());
    assertFalse(new HashMap<>(hit).containsKey("email"));
  }
}

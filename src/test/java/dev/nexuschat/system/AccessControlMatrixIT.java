package dev.nexuschat.system;

import static dev.nexuschat.testsupport.Api.as;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.Uploads;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of contract sections 3-5 against every kind of caller: the room's owner, an admin,
 * a plain member, a signed-in outsider and an anonymous client. Each cell runs on a fresh room, so
 * a cell that removes or promotes someone cannot change the answer of another.
 */
@NexusIT
class AccessControlMatrixIT {
  /** Well-formed, names nothing. */
  private static final String UNKNOWN_ID = "0190f1a2-0000-7000-8000-000000000000";

  enum Caller {
    OWNER,
    ADMIN,
    MEMBER,
    OUTSIDER,
    ANONYMOUS
  }

  /** The expected answer of one cell: a status, and for errors the problem code. */
  record Expect(int status, String code) {
    @Override
    public String toString() {
      return code == null ? Integer.toString(status) : status + " " + code;
    }
  }

  static final Expect OK = new Expect(200, null);
  static final Expect CREATED = new Expect(201, null);
  static final Expect NO_CONTENT = new Expect(204, null);
  static final Expect INVALID = new Expect(400, "VALIDATION_FAILED");
  static final Expect UNAUTHORIZED = new Expect(401, "UNAUTHORIZED");
  static final Expect FORBIDDEN = new Expect(403, "FORBIDDEN");
  static final Expect NOT_FOUND = new Expect(404, "NOT_FOUND");
  static final Expect ALREADY_MEMBER = new Expect(409, "ALREADY_MEMBER");
  static final Expect OWNER_MUST_TRANSFER = new Expect(409, "OWNER_MUST_TRANSFER");

  /** The same people in every room: who plays which part is fixed, the rooms are new per cell. */
  record Cast(
      TestUser owner,
      TestUser admin,
      TestUser admin2,
      TestUser member,
      TestUser member2,
      TestUser outsider,
      TestUser newcomer) {
    TestUser play(Caller caller) {
      return switch (caller) {
        case OWNER -> owner;
        case ADMIN -> admin;
        case MEMBER -> member;
        case OUTSIDER -> outsider;
        case ANONYMOUS -> null;
      };
    }
  }

  /**
   * A fresh group room: owner, admin, admin2, member, member2, and a message by owner, member and
   * member2.
   */
  record Scene(String room, String ownerMessage, String memberMessage, String member2Message) {}

  interface Call {
    Response call(RequestSpecification request, Scene scene, TestUser self);
  }

  record Row(
      String endpoint,
      Call call,
      Expect owner,
      Expect admin,
      Expect member,
      Expect outsider,
      Expect anonymous) {
    Expect expected(Caller caller) {
      return switch (caller) {
        case OWNER -> owner;
        case ADMIN -> admin;
        case MEMBER -> member;
        case OUTSIDER -> outsider;
        case ANONYMOUS -> anonymous;
      };
    }

    @Override
    public String toString() {
      return endpoint;
    }
  }

  private static Cast cast;

  @BeforeAll
  static void castTheUsers() {
    cast =
        new Cast(
            Api.newUser("owner"),
            Api.newUser("admin"),
            Api.newUser("admin2"),
            Api.newUser("member"),
            Api.newUser("member2"),
            Api.newUser("outsider"),
            Api.newUser("newcomer"));
  }

  static Stream<Row> table() {
    return Stream.of(
        //                                                         owner            admin
        // member           outsider         anonymous
        // Users: any signed-in user, nobody else
        row("GET /users/me", (r, s, me) -> r.get("/api/v1/users/me"), OK, OK, OK, OK, UNAUTHORIZED),
        row(
            "PATCH /users/me",
            (r, s, me) -> r.body(Map.of("display_name", "Renamed")).patch("/api/v1/users/me"),
            OK,
            OK,
            OK,
            OK,
            UNAUTHORIZED),
        row(
            "GET /users/{id}",
            (r, s, me) -> r.get("/api/v1/users/" + cast.member2().id()),
            OK,
            OK,
            OK,
            OK,
            UNAUTHORIZED),
        row(
            "GET /users/{unknown id}",
            (r, s, me) -> r.get("/api/v1/users/" + UNKNOWN_ID),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "GET /users/search",
            (r, s, me) -> r.queryParam("q", "member").get("/api/v1/users/search"),
            OK,
            OK,
            OK,
            OK,
            UNAUTHORIZED),
        // Rooms
        row(
            "POST /rooms",
            (r, s, me) -> r.body(Map.of("name", "Another room")).post("/api/v1/rooms"),
            CREATED,
            CREATED,
            CREATED,
            CREATED,
            UNAUTHORIZED),
        row("GET /rooms", (r, s, me) -> r.get("/api/v1/rooms"), OK, OK, OK, OK, UNAUTHORIZED),
        row(
            "GET /rooms/{id}",
            (r, s, me) -> r.get("/api/v1/rooms/" + s.room()),
            OK,
            OK,
            OK,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "GET /rooms/{unknown id}",
            (r, s, me) -> r.get("/api/v1/rooms/" + UNKNOWN_ID),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "GET /rooms/{malformed id}",
            (r, s, me) -> r.get("/api/v1/rooms/not-a-uuid"),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "PATCH /rooms/{id}",
            (r, s, me) -> r.body(Map.of("name", "Renamed")).patch("/api/v1/rooms/" + s.room()),
            OK,
            OK,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        // Members
        row(
            "POST /rooms/{id}/members (a newcomer)",
            (r, s, me) -> addMember(r, s, cast.newcomer().id()),
            CREATED,
            CREATED,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "POST /rooms/{id}/members (already a member)",
            (r, s, me) -> addMember(r, s, cast.member2().id()),
            ALREADY_MEMBER,
            ALREADY_MEMBER,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "POST /rooms/{id}/members (unknown user)",
            (r, s, me) -> addMember(r, s, UNKNOWN_ID),
            NOT_FOUND,
            NOT_FOUND,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "PATCH /rooms/{id}/members/{member2} role admin",
            (r, s, me) -> changeRole(r, s, cast.member2(), "admin"),
            OK,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "PATCH /rooms/{id}/members/{admin2} role member",
            (r, s, me) -> changeRole(r, s, cast.admin2(), "member"),
            OK,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "PATCH /rooms/{id}/members/{member2} role owner",
            (r, s, me) -> changeRole(r, s, cast.member2(), "owner"),
            OK,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "DELETE /rooms/{id}/members/{member2}",
            (r, s, me) -> removeMember(r, s, cast.member2().id()),
            NO_CONTENT,
            NO_CONTENT,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "DELETE /rooms/{id}/members/{admin2}",
            (r, s, me) -> removeMember(r, s, cast.admin2().id()),
            NO_CONTENT,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "DELETE /rooms/{id}/members/{owner}",
            (r, s, me) -> removeMember(r, s, cast.owner().id()),
            OWNER_MUST_TRANSFER,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "DELETE /rooms/{id}/members/{self} (leave)",
            (r, s, me) -> removeMember(r, s, me == null ? cast.member().id() : me.id()),
            OWNER_MUST_TRANSFER,
            NO_CONTENT,
            NO_CONTENT,
            FORBIDDEN,
            UNAUTHORIZED),
        // Messages
        row(
            "GET /rooms/{id}/messages",
            (r, s, me) -> r.get("/api/v1/rooms/" + s.room() + "/messages"),
            OK,
            OK,
            OK,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "GET /rooms/{unknown id}/messages",
            (r, s, me) -> r.get("/api/v1/rooms/" + UNKNOWN_ID + "/messages"),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "POST /rooms/{id}/messages",
            (r, s, me) ->
                r.body(Map.of("content", "Hello")).post("/api/v1/rooms/" + s.room() + "/messages"),
            CREATED,
            CREATED,
            CREATED,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "PATCH member's message",
            (r, s, me) -> editMessage(r, s, s.memberMessage()),
            FORBIDDEN,
            FORBIDDEN,
            OK,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "PATCH owner's message",
            (r, s, me) -> editMessage(r, s, s.ownerMessage()),
            OK,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "DELETE member's message",
            (r, s, me) -> deleteMessage(r, s, s.memberMessage()),
            NO_CONTENT,
            NO_CONTENT,
            NO_CONTENT,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "DELETE member2's message",
            (r, s, me) -> deleteMessage(r, s, s.member2Message()),
            NO_CONTENT,
            NO_CONTENT,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "DELETE owner's message",
            (r, s, me) -> deleteMessage(r, s, s.ownerMessage()),
            NO_CONTENT,
            NO_CONTENT,
            FORBIDDEN,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "DELETE unknown message",
            (r, s, me) -> deleteMessage(r, s, UNKNOWN_ID),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "POST /rooms/{id}/read",
            (r, s, me) -> r.body(Map.of()).post("/api/v1/rooms/" + s.room() + "/read"),
            OK,
            OK,
            OK,
            FORBIDDEN,
            UNAUTHORIZED),
        // Reactions: any member, on anyone's message
        row(
            "PUT reaction on member's message",
            (r, s, me) -> react(r, s.room(), s.memberMessage(), THUMBS_UP),
            OK,
            OK,
            OK,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "DELETE reaction on owner's message",
            (r, s, me) -> unreact(r, s.room(), s.ownerMessage(), THUMBS_UP),
            OK,
            OK,
            OK,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "PUT reaction on unknown message",
            (r, s, me) -> react(r, s.room(), UNKNOWN_ID, THUMBS_UP),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "PUT reaction in unknown room",
            (r, s, me) -> react(r, UNKNOWN_ID, s.memberMessage(), THUMBS_UP),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "PUT reaction that is not an emoji",
            (r, s, me) -> react(r, s.room(), s.memberMessage(), "ok"),
            INVALID,
            INVALID,
            INVALID,
            FORBIDDEN,
            UNAUTHORIZED),
        // Search and history around a message
        row(
            "GET /search/messages",
            (r, s, me) -> r.queryParam("q", "member").get("/api/v1/search/messages"),
            OK,
            OK,
            OK,
            OK,
            UNAUTHORIZED),
        row(
            "GET /search/messages?room_id={id}",
            (r, s, me) ->
                r.queryParam("q", "member")
                    .queryParam("room_id", s.room())
                    .get("/api/v1/search/messages"),
            OK,
            OK,
            OK,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "GET /search/messages?room_id={unknown id}",
            (r, s, me) ->
                r.queryParam("q", "member")
                    .queryParam("room_id", UNKNOWN_ID)
                    .get("/api/v1/search/messages"),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "GET /rooms/{id}/messages?around={member's message}",
            (r, s, me) ->
                r.queryParam("around", s.memberMessage())
                    .get("/api/v1/rooms/" + s.room() + "/messages"),
            OK,
            OK,
            OK,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "GET /rooms/{unknown id}/messages?around=",
            (r, s, me) ->
                r.queryParam("around", s.memberMessage())
                    .get("/api/v1/rooms/" + UNKNOWN_ID + "/messages"),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED));
  }

  /** Mentions and per-room mute (issue 14, item 2): each user's own settings, own mentions. */
  static Stream<Row> mentionsAndMuteTable() {
    return Stream.of(
        row(
            "PATCH /rooms/{id}/members/me muted",
            (r, s, me) -> muteMine(r, s.room(), Map.of("muted", true)),
            OK,
            OK,
            OK,
            FORBIDDEN,
            UNAUTHORIZED),
        // The body is checked before the room: a bad one is 400 for anyone signed in.
        row(
            "PATCH /rooms/{id}/members/me without muted",
            (r, s, me) -> muteMine(r, s.room(), Map.of()),
            INVALID,
            INVALID,
            INVALID,
            INVALID,
            UNAUTHORIZED),
        row(
            "PATCH /rooms/{unknown id}/members/me",
            (r, s, me) -> muteMine(r, UNKNOWN_ID, Map.of("muted", false)),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED),
        row("GET /mentions", (r, s, me) -> r.get("/api/v1/mentions"), OK, OK, OK, OK, UNAUTHORIZED),
        row(
            "GET /mentions?cursor=forged",
            (r, s, me) -> r.queryParam("cursor", "not-a-cursor").get("/api/v1/mentions"),
            INVALID,
            INVALID,
            INVALID,
            INVALID,
            UNAUTHORIZED));
  }

  /** 👍, percent-encoded as a client sends it in the path. */
  private static final String THUMBS_UP = "%F0%9F%91%8D";

  private static Response react(
      RequestSpecification request, String room, String message, String encodedEmoji) {
    return request
        .urlEncodingEnabled(false)
        .put("/api/v1/rooms/" + room + "/messages/" + message + "/reactions/" + encodedEmoji);
  }

  private static Response unreact(
      RequestSpecification request, String room, String message, String encodedEmoji) {
    return request
        .urlEncodingEnabled(false)
        .delete("/api/v1/rooms/" + room + "/messages/" + message + "/reactions/" + encodedEmoji);
  }

  @Test
  void directConversationReactionsAreForItsTwoPeopleOnly() {
    String dm =
        as(cast.member())
            .body(Map.of("is_direct", true, "member_ids", List.of(cast.newcomer().id())))
            .post("/api/v1/rooms")
            .then()
            .extract()
            .path("id");
    String message = Api.send(cast.newcomer(), dm, "just us");
    react(as(cast.member()), dm, message, THUMBS_UP).then().statusCode(200);
    react(as(cast.newcomer()), dm, message, THUMBS_UP)
        .then()
        .statusCode(200)
        .body("reactions[0].count", equalTo(2));
    assertProblem(react(as(cast.outsider()), dm, message, THUMBS_UP), 403, "FORBIDDEN");
    assertProblem(unreact(as(cast.outsider()), dm, message, THUMBS_UP), 403, "FORBIDDEN");
    assertProblem(react(Api.anonymous(), dm, message, THUMBS_UP), 401, "UNAUTHORIZED");
    unreact(as(cast.newcomer()), dm, message, THUMBS_UP)
        .then()
        .statusCode(200)
        .body("reactions[0].count", equalTo(1));
  }

  static Stream<Arguments> matrix() {
    return Stream.concat(Stream.concat(table(), mentionsAndMuteTable()), uploadsTable())
        .flatMap(
            row ->
                Stream.of(Caller.values())
                    .map(caller -> Arguments.of(row, caller, row.expected(caller))));
  }

  @ParameterizedTest(name = "{0} as {1} → {2}")
  @MethodSource("matrix")
  void callerGetsTheAnswerTheContractGivesTheirRole(Row row, Caller caller, Expect expected) {
    Scene scene = freshScene();
    TestUser self = cast.play(caller);
    RequestSpecification request = self == null ? Api.anonymous() : as(self);
    Response response = row.call().call(request, scene, self);
    if (expected.code() == null) {
      assertThat(
          response.getStatusLine() + " " + response.asString(),
          response.statusCode(),
          equalTo(expected.status()));
    } else {
      assertProblem(response, expected.status(), expected.code());
    }
  }

  /**
   * Who a cell's own upload belongs to: the caller if they can upload in the room, else member2.
   */
  private static TestUser uploader(TestUser self) {
    return self == null || self == cast.outsider() ? cast.member2() : self;
  }

  private static final byte[] FIVE_BYTES =
      "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static String baseUrl() {
    return dev.nexuschat.testsupport.NexusServer.node().baseUrl();
  }

  /** A slot of {@code user} in the scene's room with its bytes sent, not completed; its id. */
  private static String sentBytes(Scene scene, TestUser user) {
    Response slot = Uploads.slot(baseUrl(), user, scene.room(), "note.txt", FIVE_BYTES.length);
    slot.then().statusCode(201);
    Uploads.put(baseUrl(), user, slot, FIVE_BYTES).then().statusCode(204);
    return slot.path("id");
  }

  /** An image {@code user} sent in the scene's room; its upload id. */
  private static String sentImage(Scene scene, TestUser user) {
    String id = Uploads.upload(user, scene.room(), "pic.png", Uploads.png(32, 32));
    Uploads.sendWith(baseUrl(), user, scene.room(), "a picture", id).then().statusCode(201);
    return id;
  }

  static Stream<Row> uploadsTable() {
    return Stream.of(
        row(
            "POST /rooms/{id}/uploads",
            (r, s, me) ->
                r.body(Map.of("filename", "a.txt", "size", 5))
                    .post("/api/v1/rooms/" + s.room() + "/uploads"),
            CREATED,
            CREATED,
            CREATED,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "POST /rooms/{unknown id}/uploads",
            (r, s, me) ->
                r.body(Map.of("filename", "a.txt", "size", 5))
                    .post("/api/v1/rooms/" + UNKNOWN_ID + "/uploads"),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "PUT /uploads/{own slot}",
            (r, s, me) -> {
              Response slot =
                  Uploads.slot(baseUrl(), uploader(me), s.room(), "a.txt", FIVE_BYTES.length);
              return r.contentType("application/octet-stream")
                  .body(FIVE_BYTES)
                  .put("/api/v1/uploads/" + slot.path("id"));
            },
            NO_CONTENT,
            NO_CONTENT,
            NO_CONTENT,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "PUT /uploads/{another member's slot}",
            (r, s, me) -> {
              Response slot =
                  Uploads.slot(baseUrl(), cast.member2(), s.room(), "a.txt", FIVE_BYTES.length);
              return r.contentType("application/octet-stream")
                  .body(FIVE_BYTES)
                  .put("/api/v1/uploads/" + slot.path("id"));
            },
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "POST /uploads/{own}/complete",
            (r, s, me) -> r.post("/api/v1/uploads/" + sentBytes(s, uploader(me)) + "/complete"),
            OK,
            OK,
            OK,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "POST /uploads/{another member's}/complete",
            (r, s, me) -> r.post("/api/v1/uploads/" + sentBytes(s, cast.member2()) + "/complete"),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "GET /uploads/{id of a sent file}",
            (r, s, me) -> r.get("/api/v1/uploads/" + sentImage(s, cast.member2())),
            OK,
            OK,
            OK,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "GET /uploads/{id}/thumbnail of a sent image",
            (r, s, me) -> r.get("/api/v1/uploads/" + sentImage(s, cast.member2()) + "/thumbnail"),
            OK,
            OK,
            OK,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "GET /uploads/{another member's unsent upload}",
            (r, s, me) ->
                r.get(
                    "/api/v1/uploads/"
                        + Uploads.upload(cast.member2(), s.room(), "p.png", Uploads.png(8, 8))),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "GET /uploads/{unknown id}",
            (r, s, me) -> r.get("/api/v1/uploads/" + UNKNOWN_ID),
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            NOT_FOUND,
            UNAUTHORIZED),
        row(
            "POST /rooms/{id}/messages with an own upload",
            (r, s, me) ->
                r.body(
                        Map.of(
                            "content",
                            "file",
                            "attachments",
                            List.of(
                                Uploads.upload(
                                    uploader(me), s.room(), "p.png", Uploads.png(8, 8)))))
                    .post("/api/v1/rooms/" + s.room() + "/messages"),
            CREATED,
            CREATED,
            CREATED,
            FORBIDDEN,
            UNAUTHORIZED),
        row(
            "POST /rooms/{id}/messages with another member's upload",
            (r, s, me) ->
                r.body(
                        Map.of(
                            "content",
                            "not mine",
                            "attachments",
                            List.of(
                                Uploads.upload(
                                    cast.member2(), s.room(), "p.png", Uploads.png(8, 8)))))
                    .post("/api/v1/rooms/" + s.room() + "/messages"),
            INVALID,
            INVALID,
            INVALID,
            FORBIDDEN,
            UNAUTHORIZED));
  }

  @Test
  void removedMemberLosesTheRoomsFilesAtOnce() {
    Scene scene = freshScene();
    String image = sentImage(scene, cast.member2());
    as(cast.member()).get("/api/v1/uploads/" + image).then().statusCode(200);
    removeMember(as(cast.admin()), scene, cast.member().id()).then().statusCode(204);
    assertProblem(as(cast.member()).get("/api/v1/uploads/" + image), 404, "NOT_FOUND");
    assertProblem(
        as(cast.member()).get("/api/v1/uploads/" + image + "/thumbnail"), 404, "NOT_FOUND");
    assertProblem(
        Uploads.slot(baseUrl(), cast.member(), scene.room(), "a.txt", 5), 403, "FORBIDDEN");
    as(cast.member2()).get("/api/v1/uploads/" + image).then().statusCode(200);
  }

  @Test
  void outsiderDoesNotSeeTheRoomInTheirList() {
    Scene scene = freshScene();
    List<String> ids =
        as(cast.outsider()).get("/api/v1/rooms").then().statusCode(200).extract().path("id");
    assertThat(ids, not(hasItem(scene.room())));
    List<String> memberIds =
        as(cast.member()).get("/api/v1/rooms").then().statusCode(200).extract().path("id");
    assertThat(memberIds, hasItem(scene.room()));
  }

  @Test
  void removedMemberLosesAccessAtOnce() {
    Scene scene = freshScene();
    removeMember(as(cast.admin()), scene, cast.member().id()).then().statusCode(204);
    assertLockedOut(cast.member(), scene);
  }

  @Test
  void memberWhoLeftLosesAccessAtOnce() {
    Scene scene = freshScene();
    removeMember(as(cast.member()), scene, cast.member().id()).then().statusCode(204);
    assertLockedOut(cast.member(), scene);
  }

  @Test
  void mentionsOfARoomLeaveTheFeedWithTheMember() {
    Scene scene = freshScene();
    String mention =
        Api.send(cast.owner(), scene.room(), "ping @" + cast.member().username() + " and @room");
    assertThat(mentionedMessageIds(cast.member()), hasItem(mention));
    removeMember(as(cast.admin()), scene, cast.member().id()).then().statusCode(204);
    assertThat(mentionedMessageIds(cast.member()), not(hasItem(mention)));
    assertThat(mentionedMessageIds(cast.member2()), hasItem(mention));
    assertThat(mentionedMessageIds(cast.outsider()), not(hasItem(mention)));
  }

  @Test
  void muteIsTheCallersOwnSetting() {
    Scene scene = freshScene();
    muteMine(as(cast.member()), scene.room(), Map.of("muted", true)).then().statusCode(200);
    assertThat(mutedIn(cast.member(), scene.room()), equalTo(true));
    assertThat(mutedIn(cast.owner(), scene.room()), equalTo(false));
  }

  private static List<String> mentionedMessageIds(TestUser user) {
    return as(user)
        .queryParam("limit", 100)
        .get("/api/v1/mentions")
        .then()
        .statusCode(200)
        .extract()
        .path("mentions.message.id");
  }

  private static Boolean mutedIn(TestUser user, String room) {
    JsonPath list = as(user).get("/api/v1/rooms").then().statusCode(200).extract().jsonPath();
    return list.getBoolean("find { it.id == '" + room + "' }.muted");
  }

  private static Response muteMine(RequestSpecification request, String room, Map<String, ?> body) {
    return request.body(body).patch("/api/v1/rooms/" + room + "/members/me");
  }

  @Test
  void transferringOwnershipMakesTheOldOwnerAnAdmin() {
    Scene scene = freshScene();
    changeRole(as(cast.owner()), scene, cast.member2(), "owner")
        .then()
        .statusCode(200)
        .body("role", equalTo("owner"));
    JsonPath room =
        as(cast.member2())
            .get("/api/v1/rooms/" + scene.room())
            .then()
            .statusCode(200)
            .body("my_role", equalTo("owner"))
            .extract()
            .jsonPath();
    assertThat(
        room.getString("members.find { it.id == '" + cast.owner().id() + "' }.role"),
        equalTo("admin"));
    assertThat(
        room.getString("members.find { it.id == '" + cast.member2().id() + "' }.role"),
        equalTo("owner"));
    assertThat(room.getList("members.findAll { it.role == 'owner' }").size(), equalTo(1));

    // The old owner has an admin's rights now, no more.
    assertProblem(changeRole(as(cast.owner()), scene, cast.member(), "admin"), 403, "FORBIDDEN");
    changeRole(as(cast.member2()), scene, cast.member(), "admin").then().statusCode(200);
    // The new owner is held to the owner's rules, and the old one may leave.
    assertProblem(
        removeMember(as(cast.member2()), scene, cast.member2().id()), 409, "OWNER_MUST_TRANSFER");
    removeMember(as(cast.owner()), scene, cast.owner().id()).then().statusCode(204);
  }

  @Test
  void ownerCannotStepDownWithoutNamingASuccessor() {
    Scene scene = freshScene();
    assertProblem(
        changeRole(as(cast.owner()), scene, cast.owner(), "admin"), 409, "OWNER_MUST_TRANSFER");
    as(cast.owner())
        .get("/api/v1/rooms/" + scene.room())
        .then()
        .statusCode(200)
        .body("my_role", equalTo("owner"));
  }

  @Test
  void ownerMayLeaveOnceTheyAreTheLastOne() {
    TestUser loner = cast.outsider();
    String room = Api.newRoom(loner);
    as(loner).delete("/api/v1/rooms/" + room + "/members/" + loner.id()).then().statusCode(204);
    assertProblem(as(loner).get("/api/v1/rooms/" + room), 404, "NOT_FOUND");
  }

  @Test
  void unknownRoleIsAValidationError() {
    Scene scene = freshScene();
    assertProblem(
        changeRole(as(cast.owner()), scene, cast.member(), "superuser"), 400, "VALIDATION_FAILED");
  }

  @Test
  void directConversationTakesNoFurtherMembers() {
    String dm =
        as(cast.member())
            .body(Map.of("is_direct", true, "member_ids", List.of(cast.member2().id())))
            .post("/api/v1/rooms")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertProblem(
        as(cast.member())
            .body(Map.of("user_id", cast.newcomer().id()))
            .post("/api/v1/rooms/" + dm + "/members"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        as(cast.member()).body(Map.of("name", "Renamed DM")).patch("/api/v1/rooms/" + dm),
        400,
        "VALIDATION_FAILED");
    assertProblem(as(cast.outsider()).get("/api/v1/rooms/" + dm), 403, "FORBIDDEN");
    assertProblem(as(cast.outsider()).get("/api/v1/rooms/" + dm + "/messages"), 403, "FORBIDDEN");
    assertProblem(
        as(cast.outsider())
            .body(Map.of("content", "let me in"))
            .post("/api/v1/rooms/" + dm + "/messages"),
        403,
        "FORBIDDEN");
  }

  /** A member of room A names a message of room B, which they are not in, through room A. */
  @Test
  void messageOfAnotherRoomCannotBeReachedThroughARoomTheCallerIsIn() {
    Scene mine = freshScene();
    String theirs = Api.newRoom(cast.outsider(), cast.newcomer());
    String secret = Api.send(cast.newcomer(), theirs, "not for the others");

    assertProblem(editMessage(as(cast.owner()), mine, secret), 404, "NOT_FOUND");
    assertProblem(deleteMessage(as(cast.owner()), mine, secret), 404, "NOT_FOUND");
    assertProblem(
        as(cast.owner())
            .body(Map.of("content", "reply", "parent_id", secret))
            .post("/api/v1/rooms/" + mine.room() + "/messages"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        as(cast.owner())
            .queryParam("cursor", secret)
            .get("/api/v1/rooms/" + mine.room() + "/messages"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        as(cast.owner())
            .queryParam("after", secret)
            .get("/api/v1/rooms/" + mine.room() + "/messages"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        as(cast.owner())
            .body(Map.of("message_id", secret))
            .post("/api/v1/rooms/" + mine.room() + "/read"),
        400,
        "VALIDATION_FAILED");

    assertProblem(
        as(cast.owner())
            .queryParam("around", secret)
            .get("/api/v1/rooms/" + mine.room() + "/messages"),
        400,
        "VALIDATION_FAILED");
    as(cast.newcomer())
        .get("/api/v1/rooms/" + theirs + "/messages")
        .then()
        .statusCode(200)
        .body("messages[0].content", equalTo("not for the others"))
        .body("messages[0].is_edited", equalTo(false));
  }

  @Test
  void demotedAdminLosesAdminRightsAtOnce() {
    Scene scene = freshScene();
    changeRole(as(cast.owner()), scene, cast.admin(), "member")
        .then()
        .statusCode(200)
        .body("role", equalTo("member"));
    assertProblem(
        as(cast.admin()).body(Map.of("name", "Mine now")).patch("/api/v1/rooms/" + scene.room()),
        403,
        "FORBIDDEN");
    assertProblem(addMember(as(cast.admin()), scene, cast.newcomer().id()), 403, "FORBIDDEN");
    assertProblem(removeMember(as(cast.admin()), scene, cast.member2().id()), 403, "FORBIDDEN");
    assertProblem(deleteMessage(as(cast.admin()), scene, scene.member2Message()), 403, "FORBIDDEN");
  }

  @Test
  void rolesAreOnlyGivenToMembers() {
    Scene scene = freshScene();
    assertProblem(changeRole(as(cast.owner()), scene, cast.outsider(), "owner"), 404, "NOT_FOUND");
    assertProblem(changeRole(as(cast.owner()), scene, cast.outsider(), "admin"), 404, "NOT_FOUND");
    assertProblem(removeMember(as(cast.owner()), scene, cast.outsider().id()), 404, "NOT_FOUND");
    as(cast.owner())
        .get("/api/v1/rooms/" + scene.room())
        .then()
        .statusCode(200)
        .body("my_role", equalTo("owner"))
        .body("members.id", not(hasItem(cast.outsider().id())));
  }

  @Test
  void searchTakesWildcardsAndQuotesLiterally() {
    as(cast.member())
        .queryParam("q", "%%")
        .get("/api/v1/users/search")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    as(cast.member())
        .queryParam("q", "__")
        .get("/api/v1/users/search")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    as(cast.member())
        .queryParam("q", "' OR '1'='1")
        .get("/api/v1/users/search")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
  }

  /** What one user may see of another: never an email address or a password hash. */
  @Test
  void othersSeeNoEmailOrPasswordHash() {
    Scene scene = freshScene();
    String[] answers = {
      as(cast.member())
          .get("/api/v1/users/" + cast.owner().id())
          .then()
          .statusCode(200)
          .extract()
          .asString(),
      as(cast.member())
          .queryParam("q", cast.owner().username())
          .get("/api/v1/users/search")
          .then()
          .statusCode(200)
          .extract()
          .asString(),
      as(cast.member())
          .get("/api/v1/rooms/" + scene.room())
          .then()
          .statusCode(200)
          .extract()
          .asString(),
      as(cast.member()).get("/api/v1/rooms").then().statusCode(200).extract().asString(),
      as(cast.member())
          .get("/api/v1/rooms/" + scene.room() + "/messages")
          .then()
          .statusCode(200)
          .extract()
          .asString()
    };
    for (String answer : answers) {
      assertThat(answer, not(containsString(cast.owner().email())));
      assertThat(answer, not(containsString("\"email\"")));
      assertThat(answer, not(containsString("password")));
      assertThat(answer, not(containsString("$2")));
    }
  }

  /** Search finds a room's messages for its members only, and no longer once one is removed. */
  @Test
  void searchFindsARoomsMessagesForItsMembersOnly() {
    Scene scene = freshScene();
    String word = "matrixword" + System.nanoTime();
    String id = Api.send(cast.member2(), scene.room(), "the " + word + " is here");
    for (TestUser user : List.of(cast.owner(), cast.admin(), cast.member(), cast.outsider())) {
      List<String> found =
          as(user)
              .queryParam("q", word)
              .get("/api/v1/search/messages")
              .then()
              .statusCode(200)
              .extract()
              .path("results.message.id");
      assertThat(user.username(), found, user == cast.outsider() ? not(hasItem(id)) : hasItem(id));
    }
    removeMember(as(cast.owner()), scene, cast.member().id()).then().statusCode(204);
    List<String> afterRemoval =
        as(cast.member())
            .queryParam("q", word)
            .get("/api/v1/search/messages")
            .then()
            .statusCode(200)
            .extract()
            .path("results.message.id");
    assertThat(afterRemoval, not(hasItem(id)));
  }

  private static void assertLockedOut(TestUser user, Scene scene) {
    String room = "/api/v1/rooms/" + scene.room();
    assertProblem(as(user).get(room), 403, "FORBIDDEN");
    assertProblem(as(user).get(room + "/messages"), 403, "FORBIDDEN");
    assertProblem(
        as(user).body(Map.of("content", "still here?")).post(room + "/messages"), 403, "FORBIDDEN");
    assertProblem(editMessage(as(user), scene, scene.memberMessage()), 403, "FORBIDDEN");
    assertProblem(deleteMessage(as(user), scene, scene.memberMessage()), 403, "FORBIDDEN");
    assertProblem(as(user).body(Map.of()).post(room + "/read"), 403, "FORBIDDEN");
    assertProblem(muteMine(as(user), scene.room(), Map.of("muted", true)), 403, "FORBIDDEN");
    assertProblem(
        react(as(user), scene.room(), scene.memberMessage(), THUMBS_UP), 403, "FORBIDDEN");
    assertProblem(
        unreact(as(user), scene.room(), scene.ownerMessage(), THUMBS_UP), 403, "FORBIDDEN");
    assertProblem(
        as(user).queryParam("around", scene.memberMessage()).get(room + "/messages"),
        403,
        "FORBIDDEN");
    assertProblem(
        as(user)
            .queryParam("q", "member")
            .queryParam("room_id", scene.room())
            .get("/api/v1/search/messages"),
        403,
        "FORBIDDEN");
    List<String> ids = as(user).get("/api/v1/rooms").then().statusCode(200).extract().path("id");
    assertThat(ids, not(hasItem(scene.room())));
  }

  private static Scene freshScene() {
    String room =
        Api.newRoom(cast.owner(), cast.admin(), cast.admin2(), cast.member(), cast.member2());
    Scene scene = new Scene(room, null, null, null);
    changeRole(as(cast.owner()), scene, cast.admin(), "admin").then().statusCode(200);
    changeRole(as(cast.owner()), scene, cast.admin2(), "admin").then().statusCode(200);
    return new Scene(
        room,
        Api.send(cast.owner(), room, "from the owner"),
        Api.send(cast.member(), room, "from a member"),
        Api.send(cast.member2(), room, "from another member"));
  }

  private static Row row(
      String endpoint,
      Call call,
      Expect owner,
      Expect admin,
      Expect member,
      Expect outsider,
      Expect anonymous) {
    return new Row(endpoint, call, owner, admin, member, outsider, anonymous);
  }

  private static Response addMember(RequestSpecification request, Scene scene, String userId) {
    return request
        .body(Map.of("user_id", userId))
        .post("/api/v1/rooms/" + scene.room() + "/members");
  }

  private static Response changeRole(
      RequestSpecification request, Scene scene, TestUser target, String role) {
    return request
        .body(Map.of("role", role))
        .patch("/api/v1/rooms/" + scene.room() + "/members/" + target.id());
  }

  private static Response removeMember(RequestSpecification request, Scene scene, String userId) {
    return request.delete("/api/v1/rooms/" + scene.room() + "/members/" + userId);
  }

  private static Response editMessage(RequestSpecification request, Scene scene, String messageId) {
    return request
        .body(Map.of("content", "edited"))
        .patch("/api/v1/rooms/" + scene.room() + "/messages/" + messageId);
  }

  private static Response deleteMessage(
      RequestSpecification request, Scene scene, String messageId) {
    return request.delete("/api/v1/rooms/" + scene.room() + "/messages/" + messageId);
  }
}

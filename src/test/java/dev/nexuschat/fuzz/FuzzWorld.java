package dev.nexuschat.fuzz;

import static dev.nexuschat.testsupport.Api.as;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.Uploads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the fuzzing user can see and what it cannot: real accounts and rooms made through the API,
 * so path and body ids can be ones the caller owns, ones it only sees, and foreign ones.
 *
 * <ul>
 *   <li>{@code caller} fuzzes. It owns {@code ownRoom} (with {@code peer}), is a plain member of
 *       {@code peerRoom} (owned by {@code peer}) and has a direct conversation with {@code peer}.
 *   <li>{@code stranger} owns {@code foreignRoom} (with {@code peer}), which the caller is not in.
 * </ul>
 */
final class FuzzWorld {
  final TestUser caller;
  final TestUser peer;
  final TestUser stranger;
  final String ownRoom;
  final String peerRoom;
  final String directRoom;
  final String foreignRoom;
  final List<String> callerMessages = new ArrayList<>();
  final List<String> othersVisibleMessages = new ArrayList<>();
  final List<String> foreignMessages = new ArrayList<>();

  /** The caller's sent image (read and completed again), and a slot waiting for its bytes. */
  final String callerUpload;

  final String pendingUpload;
  final String foreignUpload;

  /** Refresh tokens of extra sessions of the caller, for the refresh and logout operations. */
  final List<String> spareRefreshTokens = new ArrayList<>();

  private FuzzWorld() {
    caller = Api.newUser("fuzz_caller");
    peer = Api.newUser("fuzz_peer");
    stranger = Api.newUser("fuzz_stranger");
    ownRoom = Api.newRoom(caller, peer);
    peerRoom = Api.newRoom(peer, caller);
    foreignRoom = Api.newRoom(stranger, peer);
    directRoom =
        as(caller)
            .body(Map.of("is_direct", true, "member_ids", List.of(peer.id())))
            .post("/api/v1/rooms")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (int i = 0; i < 24; i++) {
      callerMessages.add(Api.send(caller, ownRoom, "mine " + i));
    }
    for (String room : List.of(peerRoom, directRoom)) {
      for (int i = 0; i < 3; i++) {
        callerMessages.add(Api.send(caller, room, "mine there " + i));
      }
    }
    for (String room : List.of(ownRoom, peerRoom, directRoom)) {
      for (int i = 0; i < 3; i++) {
        othersVisibleMessages.add(Api.send(peer, room, "theirs " + i));
      }
    }
    for (int i = 0; i < 3; i++) {
      foreignMessages.add(Api.send(stranger, foreignRoom, "private " + i));
      foreignMessages.add(Api.send(peer, foreignRoom, "private reply " + i));
    }
    // attached, so the orphan cleanup of the test node (30 s) leaves them
    callerUpload = Uploads.upload(caller, ownRoom, "fuzz.png", Uploads.png(16, 16));
    Api.as(caller)
        .body(Map.of("content", "a file", "attachments", List.of(callerUpload)))
        .post("/api/v1/rooms/" + ownRoom + "/messages")
        .then()
        .statusCode(201);
    foreignUpload = Uploads.upload(stranger, foreignRoom, "secret.png", Uploads.png(16, 16));
    Api.as(stranger)
        .body(Map.of("content", "a secret file", "attachments", List.of(foreignUpload)))
        .post("/api/v1/rooms/" + foreignRoom + "/messages")
        .then()
        .statusCode(201);
    // the plain PUT sends "{}": two bytes
    pendingUpload =
        Uploads.slot(
                dev.nexuschat.testsupport.NexusServer.node().baseUrl(), caller, ownRoom, "b.bin", 2)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (int i = 0; i < 3; i++) {
      spareRefreshTokens.add(
          Api.anonymous()
              .body(Map.of("email", caller.email(), "password", Api.PASSWORD))
              .post("/api/v1/auth/login")
              .then()
              .statusCode(200)
              .extract()
              .path("refresh_token"));
    }
  }

  static FuzzWorld create() {
    return new FuzzWorld();
  }

  /** Ids of one kind (rooms, users, messages): those the caller may use and foreign ones. */
  record IdPool(List<String> visible, List<String> foreign) {}

  /**
   * The ids for a parameter or field, told by the collection it names: a path segment ({@code
   * /rooms/{roomId}}) or a field name ({@code parent_id}, {@code member_ids}).
   */
  IdPool ids(String kind) {
    String k = kind.toLowerCase();
    if (k.startsWith("room")) {
      return new IdPool(List.of(ownRoom, peerRoom, directRoom), List.of(foreignRoom));
    }
    if (k.startsWith("message")
        || k.startsWith("parent")
        || k.startsWith("cursor")
        || k.startsWith("after")) {
      List<String> visible = new ArrayList<>(callerMessages);
      visible.addAll(othersVisibleMessages);
      return new IdPool(visible, foreignMessages);
    }
    if (k.startsWith("upload") || k.startsWith("attachment")) {
      return new IdPool(List.of(callerUpload, pendingUpload), List.of(foreignUpload));
    }
    if (k.startsWith("reaction")) {
      // Emoji, not ids: skin tones, ZWJ sequences, flags and keycaps (encoded as path segments).
      return new IdPool(List.of("👍", "👍🏽", "👨‍👩‍👧", "🇫🇷", "1️⃣", "❤"), List.of());
    }
    return new IdPool(List.of(caller.id(), peer.id(), stranger.id()), List.of());
  }
}

package dev.nexuschat.upload;

import static dev.nexuschat.testsupport.Problems.assertInvalid;
import static dev.nexuschat.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.Uploads;
import dev.nexuschat.testsupport.Webp;
import dev.nexuschat.testsupport.WsClient;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads end to end, the same suite for each storage mode ({@link LocalUploadsIT}, {@link
 * S3UploadsIT}): slot, bytes, completion, sending, history, reading back with its headers, who may
 * read, what is refused, images, and what deletes files.
 */
abstract class UploadsIT {
  /** The node under test. */
  abstract String baseUrl();

  /** Whether bytes are stored under the upload's key in the storage (original or thumbnail). */
  abstract boolean stored(String key);

  /** S3 mode answers downloads with a redirect to a presigned URL. */
  abstract boolean redirects();

  /**
   * Puts {@code bytes} under {@code key} in the storage behind the server's back, long ago if it
   * can.
   */
  abstract void storeStray(String key, byte[] bytes) throws Exception;

  TestUser alice;
  TestUser bob;
  TestUser outsider;
  String room;

  @BeforeEach
  void twoMembersInARoom() {
    alice = Api.newUser(baseUrl(), "up_alice");
    bob = Api.newUser(baseUrl(), "up_bob");
    outsider = Api.newUser(baseUrl(), "up_out");
    room = Api.newRoom(baseUrl(), alice, bob);
  }

  RequestSpecification as(TestUser user) {
    return Api.as(baseUrl(), user);
  }

  String upload(TestUser user, String name, byte[] bytes) {
    return Uploads.upload(baseUrl(), user, room, name, bytes);
  }

  /** GET of a file as {@code user}, following the S3 redirect without the Bearer token. */
  Response fetch(TestUser user, String path) {
    Response first = as(user).redirects().follow(false).get(path);
    if (first.statusCode() != 302) {
      return first;
    }
    assertThat(first.header("Cache-Control")).contains("private");
    assertThat(first.header("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
    return RestAssured.given().urlEncodingEnabled(false).get(first.header("Location"));
  }

  @Test
  void anImageAndAPdfAreSharedAndShownInHistory() throws Exception {
    byte[] png = Uploads.png(1000, 500);
    Response slot = Uploads.slot(baseUrl(), alice, room, "cat.png", png.length);
    slot.then()
        .statusCode(201)
        .body("upload.method", equalTo("PUT"))
        .body("max_bytes", equalTo(26214400));
    assertThat(slot.<String>path("expires_at")).endsWith("Z");
    if (redirects()) {
      assertThat(slot.<String>path("upload.url")).startsWith("http");
    } else {
      assertThat(slot.<String>path("upload.url")).isEqualTo("/api/v1/uploads/" + slot.path("id"));
    }
    Uploads.put(baseUrl(), alice, slot, png).then().statusCode(org.hamcrest.Matchers.lessThan(300));
    String image = slot.path("id");
    Uploads.complete(baseUrl(), alice, image)
        .then()
        .statusCode(200)
        .body("content_type", equalTo("image/png"))
        .body("width", equalTo(1000))
        .body("height", equalTo(500))
        .body("size", equalTo(png.length))
        .body("url", equalTo("/api/v1/uploads/" + image))
        .body("thumbnail_url", equalTo("/api/v1/uploads/" + image + "/thumbnail"));
    String pdf = upload(alice, "report.pdf", Uploads.pdf());

    Response sent = Uploads.sendWith(baseUrl(), alice, room, "", image, pdf);
    sent.then()
        .statusCode(201)
        .body("content", equalTo(""))
        .body("attachments.id", equalTo(List.of(image, pdf)))
        .body("attachments[1].content_type", equalTo("application/pdf"))
        .body("attachments[1].width", nullValue())
        .body("attachments[1].thumbnail_url", nullValue());

    as(bob)
        .get("/api/v1/rooms/" + room + "/messages")
        .then()
        .statusCode(200)
        .body("messages[-1].id", equalTo(sent.path("id")))
        .body("messages[-1].attachments.filename", equalTo(List.of("cat.png", "report.pdf")))
        .body("messages[-1].attachments[0].width", equalTo(1000))
        .body("messages[-1].attachments[0].height", equalTo(500));

    Response file = fetch(bob, "/api/v1/uploads/" + image);
    file.then().statusCode(200).contentType(containsString("image/png"));
    assertThat(file.asByteArray()).isEqualTo(png);
    assertThat(file.header("Content-Disposition")).startsWith("inline;");

    Response thumbnail = fetch(bob, "/api/v1/uploads/" + image + "/thumbnail");
    thumbnail.then().statusCode(200);
    BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.asByteArray()));
    assertThat(small.getWidth()).isEqualTo(480);
    assertThat(small.getHeight()).isEqualTo(240);

    Response document = fetch(bob, "/api/v1/uploads/" + pdf);
    document.then().statusCode(200).contentType(containsString("application/pdf"));
    assertThat(document.asByteArray()).isEqualTo(Uploads.pdf());
    assertProblem(fetch(bob, "/api/v1/uploads/" + pdf + "/thumbnail"), 404, "NOT_FOUND");
  }

  @Test
  void filesAreServedWithTheirNameAndSafeHeaders() {
    String pdf = upload(alice, "résumé 2026.pdf", Uploads.pdf());
    Uploads.sendWith(baseUrl(), alice, room, "my cv", pdf).then().statusCode(201);
    Response file = fetch(bob, "/api/v1/uploads/" + pdf);
    file.then().statusCode(200);
    assertThat(file.header("Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\"r_sum_ 2026.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%202026.pdf");
    if (!redirects()) {
      assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(file.header("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
      assertThat(file.header("Cache-Control")).isEqualTo("private");
    }
  }

  @Test
  void htmlAndSvgDownloadInASandboxAndNeverRenderInline() {
    byte[] html =
        "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    byte[] svg =
        ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\""
                + " height=\"10\"><script>alert(1)</script></svg>")
            .getBytes(StandardCharsets.UTF_8);
    String page = upload(alice, "page.html", html);
    String drawing = upload(alice, "drawing.svg", svg);
    as(alice)
        .post("/api/v1/uploads/" + drawing + "/complete")
        .then()
        .statusCode(200)
        .body("content_type", equalTo("image/svg+xml"))
        .body("width", nullValue())
        .body("thumbnail_url", nullValue());
    Uploads.sendWith(baseUrl(), alice, room, null, page, drawing).then().statusCode(201);
    for (String id : List.of(page, drawing)) {
      Response first = as(bob).redirects().follow(false).get("/api/v1/uploads/" + id);
      assertThat(first.header("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
      assertThat(first.header("X-Content-Type-Options")).isEqualTo("nosniff");
      Response file = fetch(bob, "/api/v1/uploads/" + id);
      file.then().statusCode(200);
      assertThat(file.header("Content-Disposition")).startsWith("attachment;");
    }
    assertThat(fetch(bob, "/api/v1/uploads/" + page).contentType()).startsWith("text/html");
    assertThat(fetch(bob, "/api/v1/uploads/" + drawing).contentType()).startsWith("image/svg+xml");
  }

  @Test
  void onlyCurrentMembersReadTheRoomsFiles() {
    String image = upload(alice, "cat.png", Uploads.png(64, 64));
    Uploads.sendWith(baseUrl(), alice, room, "look", image).then().statusCode(201);
    fetch(bob, "/api/v1/uploads/" + image).then().statusCode(200);
    assertProblem(fetch(outsider, "/api/v1/uploads/" + image), 404, "NOT_FOUND");
    assertProblem(fetch(outsider, "/api/v1/uploads/" + image + "/thumbnail"), 404, "NOT_FOUND");
    assertProblem(Api.anonymous(baseUrl()).get("/api/v1/uploads/" + image), 401, "UNAUTHORIZED");

    as(alice).delete("/api/v1/rooms/" + room + "/members/" + bob.id()).then().statusCode(204);
    assertProblem(fetch(bob, "/api/v1/uploads/" + image), 404, "NOT_FOUND");
    assertProblem(fetch(bob, "/api/v1/uploads/" + image + "/thumbnail"), 404, "NOT_FOUND");
    fetch(alice, "/api/v1/uploads/" + image).then().statusCode(200);
  }

  @Test
  void anUnsentUploadIsTheUploadersAlone() {
    String image = upload(alice, "cat.png", Uploads.png(32, 32));
    fetch(alice, "/api/v1/uploads/" + image).then().statusCode(200);
    assertProblem(fetch(bob, "/api/v1/uploads/" + image), 404, "NOT_FOUND");
    assertProblem(Uploads.complete(baseUrl(), bob, image), 404, "NOT_FOUND");
  }

  @Test
  void slotsRefuseBadSizesAndNames() {
    assertProblem(
        Uploads.slot(baseUrl(), alice, room, "big.bin", 26214401), 413, "PAYLOAD_TOO_LARGE");
    assertInvalid(Uploads.slot(baseUrl(), alice, room, "empty.txt", 0), "size");
    assertInvalid(Uploads.slot(baseUrl(), alice, room, "", 10), "filename");
    assertInvalid(Uploads.slot(baseUrl(), alice, room, "../../etc/passwd", 10), "filename");
    assertInvalid(Uploads.slot(baseUrl(), alice, room, "a\\b.txt", 10), "filename");
    assertInvalid(Uploads.slot(baseUrl(), alice, room, "bell\u0007.txt", 10), "filename");
    assertInvalid(Uploads.slot(baseUrl(), alice, room, "x".repeat(256), 10), "filename");
    assertProblem(Uploads.slot(baseUrl(), outsider, room, "cat.png", 10), 403, "FORBIDDEN");
    assertProblem(
        Uploads.slot(baseUrl(), alice, "0190f1a2-0000-7000-8000-000000000000", "cat.png", 10),
        404,
        "NOT_FOUND");
  }

  @Test
  void moreBytesThanDeclaredAreRefused() {
    Response slot = Uploads.slot(baseUrl(), alice, room, "notes.txt", 100);
    Response put =
        Uploads.put(baseUrl(), alice, slot, "x".repeat(5000).getBytes(StandardCharsets.US_ASCII));
    if (redirects()) {
      // the presigned PUT signs the length: the bucket refuses the body, or completion does
      Response complete = Uploads.complete(baseUrl(), alice, slot.path("id"));
      assertThat(put.statusCode() >= 400 || complete.statusCode() == 413)
          .as("PUT %s, complete %s", put.statusCode(), complete.statusCode())
          .isTrue();
      assertThat(complete.statusCode()).isIn(413, 422);
    } else {
      assertProblem(put, 413, "PAYLOAD_TOO_LARGE");
      assertProblem(Uploads.complete(baseUrl(), alice, slot.path("id")), 422, "UPLOAD_TRUNCATED");
    }
  }

  @Test
  void aTruncatedUploadIsNotCompleted() {
    Response slot = Uploads.slot(baseUrl(), alice, room, "notes.txt", 1000);
    assertProblem(Uploads.complete(baseUrl(), alice, slot.path("id")), 422, "UPLOAD_TRUNCATED");
    if (!redirects()) {
      Uploads.put(baseUrl(), alice, slot, "y".repeat(500).getBytes(StandardCharsets.US_ASCII))
          .then()
          .statusCode(204);
      assertProblem(Uploads.complete(baseUrl(), alice, slot.path("id")), 422, "UPLOAD_TRUNCATED")
          .body("detail", containsString("500 of 1000"));
    }
  }

  @Test
  void aFileWhoseNameLiesAboutItsTypeIsRefused() {
    Response slot = Uploads.slot(baseUrl(), alice, room, "cat.png", Uploads.pdf().length);
    Uploads.put(baseUrl(), alice, slot, Uploads.pdf());
    assertProblem(Uploads.complete(baseUrl(), alice, slot.path("id")), 415, "CONTENT_TYPE_MISMATCH")
        .body("detail", containsString("application/pdf"))
        .body("detail", containsString("image/png"));
  }

  @Test
  void anImageAboveFiftyMegapixelsIsRefusedBeforeDecoding() {
    byte[] bomb = pngHeaderOnly(10_000, 10_000);
    Response slot = Uploads.slot(baseUrl(), alice, room, "bomb.png", bomb.length);
    Uploads.put(baseUrl(), alice, slot, bomb);
    assertProblem(Uploads.complete(baseUrl(), alice, slot.path("id")), 422, "IMAGE_TOO_LARGE");
  }

  @Test
  void aPhotoIsShownUprightWithoutItsLocation() throws Exception {
    byte[] photo = withOrientationAndGps(Uploads.jpeg(600, 300), 6);
    assertThat(gps(photo)).as("the test photo carries a location").isNotNull();
    String id = upload(alice, "photo.jpg", photo);
    Uploads.complete(baseUrl(), alice, id)
        .then()
        .statusCode(200)
        .body("content_type", equalTo("image/jpeg"))
        .body("width", equalTo(300))
        .body("height", equalTo(600));
    byte[] stored = fetch(alice, "/api/v1/uploads/" + id).asByteArray();
    assertThat(gps(stored)).as("no GPS in the stored original").isNull();
    Metadata kept = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored));
    assertThat(
            kept.getFirstDirectoryOfType(ExifIFD0Directory.class)
                .getInt(ExifIFD0Directory.TAG_ORIENTATION))
        .isEqualTo(6);
    BufferedImage thumbnail =
        ImageIO.read(
            new ByteArrayInputStream(
                fetch(alice, "/api/v1/uploads/" + id + "/thumbnail").asByteArray()));
    assertThat(thumbnail.getWidth()).isEqualTo(240);
    assertThat(thumbnail.getHeight()).isEqualTo(480);
    // the red corner was top left; turned a quarter clockwise it is top right
    int topRight = thumbnail.getRGB(thumbnail.getWidth() - 5, 5);
    assertThat((topRight >> 16) & 0xFF).isGreaterThan(200);
    assertThat(topRight & 0xFF).isLessThan(80);
  }

  @Test
  void aScreenshotIsStoredWithoutTheLocationAndTextItsPngCarried() throws Exception {
    byte[] tagged =
        withChunksAfterHeader(
            Uploads.png(60, 30),
            pngChunk("eXIf", tiffWithGps()),
            pngChunk("tEXt", "Author\0Alice at home".getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(gps(tagged)).as("the test PNG carries a location").isNotNull();
    String id = upload(alice, "screenshot.png", tagged);
    Uploads.complete(baseUrl(), alice, id)
        .then()
        .statusCode(200)
        .body("content_type", equalTo("image/png"))
        .body("width", equalTo(60))
        .body("height", equalTo(30));
    byte[] stored = fetch(alice, "/api/v1/uploads/" + id).asByteArray();
    assertThat(gps(stored)).as("no GPS in the stored original").isNull();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Alice at home");
    assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(60);
  }

  @Test
  void aWebpIsStoredWithoutTheLocationAndXmpItCarried() throws Exception {
    byte[] tagged =
        Webp.extended(
            Webp.chunk("EXIF", tiffWithGps()),
            Webp.chunk(
                "XMP ", "<x:xmpmeta>Alice at home</x:xmpmeta>".getBytes(StandardCharsets.UTF_8)));
    assertThat(gps(tagged)).as("the test WebP carries a location").isNotNull();
    String id = upload(alice, "sticker.webp", tagged);
    Uploads.complete(baseUrl(), alice, id)
        .then()
        .statusCode(200)
        .body("content_type", equalTo("image/webp"))
        .body("width", equalTo(Webp.WIDTH))
        .body("height", equalTo(Webp.HEIGHT));
    byte[] stored = fetch(alice, "/api/v1/uploads/" + id).asByteArray();
    assertThat(gps(stored)).as("no GPS in the stored original").isNull();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Alice at home");
    assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(Webp.WIDTH);
  }

  @Test
  void aMessageShowsItsFilesAndReactionsInEveryListOfMessages() {
    String image = upload(alice, "plan.png", Uploads.png(60, 60));
    String word = "zephyr" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    String root =
        Uploads.sendWith(baseUrl(), alice, room, "the " + word + " plan @" + bob.username(), image)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(bob)
        .put("/api/v1/rooms/{room}/messages/{id}/reactions/{emoji}", room, root, "\uD83D\uDC4D")
        .then()
        .statusCode(lessThan(300));
    as(bob)
        .body(Map.of("content", "looks good", "parent_id", root))
        .post("/api/v1/rooms/" + room + "/messages")
        .then()
        .statusCode(201);
    String messages = "/api/v1/rooms/" + room + "/messages";
    Map<String, String> lists =
        Map.of(
            messages + "?limit=50",
            "messages.find { it.id == '" + root + "' }",
            messages + "?around=" + root,
            "messages.find { it.id == '" + root + "' }",
            messages + "/" + root + "/thread",
            "root",
            "/api/v1/threads",
            "threads.find { it.root.id == '" + root + "' }.root",
            "/api/v1/mentions",
            "mentions.find { it.message.id == '" + root + "' }.message",
            "/api/v1/search/messages?q=" + word,
            "results.find { it.message.id == '" + root + "' }.message");
    lists.forEach(
        (path, shown) ->
            as(bob)
                .get(path)
                .then()
                .statusCode(200)
                .body(shown + ".attachments.id", contains(image))
                .body(shown + ".attachments[0].width", equalTo(60))
                .body(shown + ".reactions.emoji", contains("\uD83D\uDC4D"))
                .body(shown + ".reactions[0].me", equalTo(true)));
  }

  @Test
  void aDeletedMessageTakesItsFilesWithIt() {
    String image = upload(alice, "cat.png", Uploads.png(100, 100));
    String message = Uploads.sendWith(baseUrl(), alice, room, "soon gone", image).path("id");
    assertThat(stored(image)).isTrue();
    assertThat(stored(image + ".thumb")).isTrue();
    as(alice).delete("/api/v1/rooms/" + room + "/messages/" + message).then().statusCode(204);
    assertProblem(fetch(alice, "/api/v1/uploads/" + image), 404, "NOT_FOUND");
    await().atMost(Duration.ofSeconds(20)).until(() -> !stored(image) && !stored(image + ".thumb"));
  }

  @Test
  void storedBytesNoUploadPointsToAreSweptAway() throws Exception {
    String stray = UUID.randomUUID().toString();
    storeStray(stray, Uploads.png(20, 20));
    storeStray(stray + ".thumb", Uploads.png(10, 10));
    storeStray("not-an-upload-key-" + stray, new byte[] {1});
    String kept = upload(alice, "kept.png", Uploads.png(40, 40));
    Uploads.sendWith(baseUrl(), alice, room, "kept", kept).then().statusCode(201);
    assertThat(stored(stray)).isTrue();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> !stored(stray) && !stored(stray + ".thumb"));
    assertThat(stored(kept)).isTrue();
    assertThat(stored(kept + ".thumb")).isTrue();
  }

  @Test
  void anUploadNeverSentIsCleanedUp() {
    String image = upload(alice, "forgotten.png", Uploads.png(40, 40));
    String sent = upload(alice, "kept.png", Uploads.png(40, 40));
    Uploads.sendWith(baseUrl(), alice, room, "kept", sent).then().statusCode(201);
    assertThat(stored(image)).isTrue();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> fetch(alice, "/api/v1/uploads/" + image).statusCode() == 404);
    await().atMost(Duration.ofSeconds(20)).until(() -> !stored(image));
    fetch(bob, "/api/v1/uploads/" + sent).then().statusCode(200);
  }

  @Test
  void onlyTheSendersCompletedUnattachedUploadsOfTheRoomAttach() {
    String bobs = upload(bob, "bob.png", Uploads.png(20, 20));
    assertInvalid(Uploads.sendWith(baseUrl(), alice, room, "mine?", bobs), "attachments")
        .body("detail", containsString(bobs));

    String otherRoom = Api.newRoom(baseUrl(), alice, bob);
    String elsewhere = Uploads.upload(baseUrl(), alice, otherRoom, "x.png", Uploads.png(20, 20));
    assertInvalid(Uploads.sendWith(baseUrl(), alice, room, "wrong room", elsewhere), "attachments");

    Response pending = Uploads.slot(baseUrl(), alice, room, "later.png", 10);
    assertProblem(
        Uploads.sendWith(baseUrl(), alice, room, "not yet", pending.<String>path("id")),
        409,
        "UPLOAD_NOT_COMPLETED");

    String mine = upload(alice, "once.png", Uploads.png(20, 20));
    Uploads.sendWith(baseUrl(), alice, room, "first", mine).then().statusCode(201);
    assertProblem(
        Uploads.sendWith(baseUrl(), alice, room, "again", mine), 409, "UPLOAD_ALREADY_ATTACHED");

    assertInvalid(
        Uploads.sendWith(
            baseUrl(),
            alice,
            room,
            "too many",
            java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> java.util.UUID.randomUUID().toString())
                .toArray(String[]::new)),
        "attachments");
    assertInvalid(Uploads.sendWith(baseUrl(), alice, room, "bad", "not-a-uuid"), "attachments");
    // nothing above was stored
    List<String> contents =
        as(bob)
            .get("/api/v1/rooms/" + room + "/messages")
            .then()
            .extract()
            .path("messages.content");
    assertThat(contents).containsExactly("first");
  }

  @Test
  void aSocketSendCarriesTheFilesToEveryMember() {
    String image = upload(alice, "cat.png", Uploads.png(64, 32));
    try (WsClient sender = WsClient.connect(baseUrl(), alice.accessToken());
        WsClient reader = WsClient.connect(baseUrl(), bob.accessToken())) {
      String ref =
          sender.send(
              "send_message", "{\"room_id\":\"" + room + "\",\"attachments\":[\"" + image + "\"]}");
      jakarta.json.JsonObject ack = sender.reply(ref);
      assertThat(ack.getString("event")).isEqualTo("ack");
      assertThat(ack.getJsonObject("data").getString("content")).isEmpty();
      jakarta.json.JsonObject event =
          reader.await("new_message", data -> data.getString("room_id").equals(room));
      jakarta.json.JsonObject file =
          event.getJsonObject("data").getJsonArray("attachments").getJsonObject(0);
      assertThat(file.getString("id")).isEqualTo(image);
      assertThat(file.getInt("width")).isEqualTo(64);
      assertThat(file.getString("thumbnail_url"))
          .isEqualTo("/api/v1/uploads/" + image + "/thumbnail");

      String taken =
          sender.send(
              "send_message", "{\"room_id\":\"" + room + "\",\"attachments\":[\"" + image + "\"]}");
      jakarta.json.JsonObject refused = sender.reply(taken);
      assertThat(refused.getString("event")).isEqualTo("error");
      assertThat(refused.getJsonObject("data").getString("code"))
          .isEqualTo("UPLOAD_ALREADY_ATTACHED");
    }
  }

  @Test
  void aRepeatedSendWithFilesReturnsTheOriginal() {
    String image = upload(alice, "cat.png", Uploads.png(20, 20));
    Map<String, Object> body =
        Map.of(
            "content",
            "once",
            "client_id",
            "c-" + System.nanoTime(),
            "attachments",
            List.of(image));
    Response first = as(alice).body(body).post("/api/v1/rooms/" + room + "/messages");
    first.then().statusCode(201);
    as(alice)
        .body(body)
        .post("/api/v1/rooms/" + room + "/messages")
        .then()
        .statusCode(200)
        .body("id", equalTo(first.path("id")))
        .body("attachments.id", equalTo(List.of(image)));
  }

  /** A PNG whose header claims {@code width} x {@code height}, with no real image data. */
  static byte[] pngHeaderOnly(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** {@code jpeg} with an EXIF orientation and a GPS position (Berlin), by Commons Imaging. */
  static byte[] withOrientationAndGps(byte[] jpeg, int orientation) throws Exception {
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
    exif.setGpsInDegrees(13.4050, 52.5200);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
    return out.toByteArray();
  }

  /** EXIF with a GPS position as a PNG's eXIf chunk holds it (TIFF bytes), by Commons Imaging. */
  static byte[] tiffWithGps() throws Exception {
    TiffOutputSet exif = new TiffOutputSet(ByteOrder.BIG_ENDIAN);
    exif.setGpsInDegrees(13.4050, 52.5200);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TiffImageWriterLossy(ByteOrder.BIG_ENDIAN).write(out, exif);
    return out.toByteArray();
  }

  static byte[] pngChunk(String type, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunk(out, type, data);
    return out.toByteArray();
  }

  /** {@code png} with {@code chunks} right after its IHDR chunk. */
  static byte[] withChunksAfterHeader(byte[] png, byte[]... chunks) {
    int afterHeader = 8 + 12 + 13;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, afterHeader);
    for (byte[] chunk : chunks) {
      out.writeBytes(chunk);
    }
    out.write(png, afterHeader, png.length - afterHeader);
    return out.toByteArray();
  }

  /** The GPS position metadata-extractor finds in {@code jpeg}, or null. */
  static Object gps(byte[] jpeg) throws Exception {
    Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
    GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
    return gps == null ? null : gps.getGeoLocation();
  }
}

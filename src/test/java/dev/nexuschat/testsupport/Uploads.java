package dev.nexuschat.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Upload helpers for either storage mode: a slot, the bytes sent as the slot says (this server's
 * PUT with the Bearer token, or the presigned URL with exactly its headers), the completion.
 */
public final class Uploads {
  private Uploads() {}

  /** A slot's answer for {@code filename} of {@code size} bytes (any status). */
  public static Response slot(String baseUrl, TestUser user, String room, String name, long size) {
    return Api.as(baseUrl, user)
        .body(Map.of("filename", name, "size", size))
        .post("/api/v1/rooms/" + room + "/uploads");
  }

  /** Sends {@code bytes} as the slot says; the response of the PUT. */
  public static Response put(String baseUrl, TestUser user, Response slot, byte[] bytes) {
    String url = slot.path("upload.url");
    Map<String, String> headers = new HashMap<>(slot.jsonPath().getMap("upload.headers"));
    String type = headers.getOrDefault("Content-Type", "application/octet-stream");
    headers.remove("Content-Type");
    if (url.startsWith("/")) {
      return given()
          .baseUri(baseUrl)
          .header("X-Forwarded-For", Api.uniqueIp())
          .header("Authorization", "Bearer " + user.accessToken())
          .contentType(type)
          .headers(headers)
          .body(bytes)
          .put(url);
    }
    // presigned: no Bearer token, exactly the signed headers, the type without a charset (as a
    // browser sends a Blob's); java.net.http, as REST Assured appends a charset to it
    try {
      HttpRequest.Builder put =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", type)
              .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
      headers.forEach(put::header);
      HttpResponse<String> answer =
          HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
      return new ResponseBuilder()
          .setStatusCode(answer.statusCode())
          .setStatusLine("HTTP/1.1 " + answer.statusCode())
          .setBody(answer.body())
          .setContentType(answer.headers().firstValue("Content-Type").orElse("text/plain"))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static Response complete(String baseUrl, TestUser user, String uploadId) {
    return Api.as(baseUrl, user).post("/api/v1/uploads/" + uploadId + "/complete");
  }

  /** A completed upload of {@code bytes} named {@code name}; its id. */
  public static String upload(
      String baseUrl, TestUser user, String room, String name, byte[] bytes) {
    Response slot = slot(baseUrl, user, room, name, bytes.length);
    slot.then().statusCode(201);
    put(baseUrl, user, slot, bytes).then().statusCode(org.hamcrest.Matchers.lessThan(300));
    String id = slot.path("id");
    complete(baseUrl, user, id).then().statusCode(200);
    return id;
  }

  public static String upload(TestUser user, String room, String name, byte[] bytes) {
    return upload(NexusServer.node().baseUrl(), user, room, name, bytes);
  }

  /** Sends a message with {@code uploadIds} attached (any status). */
  public static Response sendWith(
      String baseUrl, TestUser user, String room, String content, String... uploadIds) {
    Map<String, Object> body = new HashMap<>();
    if (content != null) {
      body.put("content", content);
    }
    body.put("attachments", java.util.List.of(uploadIds));
    return Api.as(baseUrl, user).body(body).post("/api/v1/rooms/" + room + "/messages");
  }

  /** A PNG of the given size: a colour gradient, so it compresses like a picture. */
  public static byte[] png(int width, int height) {
    return image(width, height, "png");
  }

  public static byte[] jpeg(int width, int height) {
    return image(width, height, "jpg");
  }

  private static byte[] image(int width, int height, String format) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    for (int x = 0; x < width; x += 8) {
      g.setColor(new Color((x * 255) / Math.max(1, width), 120, 200));
      g.fillRect(x, 0, 8, height);
    }
    g.setColor(Color.RED);
    g.fillRect(0, 0, Math.max(1, width / 4), Math.max(1, height / 4)); // marks the top left
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A small but real PDF. */
  public static byte[] pdf() {
    String pdf =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n";
    return pdf.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}

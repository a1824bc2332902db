package dev.nexuschat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The WAR serves the built web client at / with a fallback for client routes and safe headers. */
@NexusIT
class WebClientServingIT {
  // HTTP/1.1: the JDK client's h2c upgrade attempt stalls on Liberty's error-page dispatch.
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(NexusServer.node().baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void rootServesTheAppWithSecurityHeadersAndNoCaching() throws Exception {
    HttpResponse<String> index = get("/");
    assertEquals(200, index.statusCode());
    assertTrue(index.body().contains("<div id=\"root\">"), index.body());
    assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElse(""));
    String csp = index.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("nosniff", index.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-referrer", index.headers().firstValue("Referrer-Policy").orElse(""));
  }

  @Test
  void clientRoutesFallBackToTheApp() throws Exception {
    for (String route :
        new String[] {
          "/login", "/chat", "/chat/0190f7a2-1c3e-7b3a-9a44-5d3c2b1a0f00", "/settings"
        }) {
      HttpResponse<String> page = get(route);
      assertEquals(200, page.statusCode(), route);
      assertTrue(page.body().contains("<div id=\"root\">"), route);
    }
  }

  @Test
  void unknownApiPathsStayProblemJson() throws Exception {
    HttpResponse<String> missing = get("/api/v1/no-such-thing");
    assertEquals(404, missing.statusCode());
    assertTrue(
        missing
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertEquals("nosniff", missing.headers().firstValue("X-Content-Type-Options").orElse(""));
  }

  @Test
  void errorResponsesCarryNoContainerInternalHeaders() throws Exception {
    HttpResponse<String> refused = get("/ws");
    assertEquals(401, refused.statusCode());
    assertTrue(refused.headers().firstValue("$WSEP").isEmpty(), refused.headers().toString());
  }

  @Test
  void hashedAssetsAreCachedForAYear() throws Exception {
    Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(get("/").body());
    assertTrue(script.find(), "index.html references a hashed script");
    HttpResponse<String> asset = get(script.group(1));
    assertEquals(200, asset.statusCode());
    assertEquals(
        "public, max-age=31536000, immutable",
        asset.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void aMissingFileIsA404NotTheApp() throws Exception {
    assertEquals(404, get("/no-such-file.png").statusCode());
  }
}

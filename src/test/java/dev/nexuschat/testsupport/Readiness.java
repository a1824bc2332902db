package dev.nexuschat.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

/** Waits for a node's {@code /health/ready} to say what a test expects. */
public final class Readiness {
  private Readiness() {}

  /**
   * Until {@code baseUrl}'s readiness answers {@code status} (200 UP or 503 DOWN), 30 s at most.
   */
  public static void await(String baseUrl, int status) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                given()
                    .baseUri(baseUrl)
                    .get("/health/ready")
                    .then()
                    .statusCode(status)
                    .body("status", equalTo(status == 200 ? "UP" : "DOWN")));
  }
}

package dev.nexuschat.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.nexuschat.testsupport.FreePorts;
import dev.nexuschat.testsupport.LibertyInstance;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The probes an orchestrator relies on tell the truth: up when serving, down when the app is not.
 */
@NexusIT
class ProbesIT {

  @Test
  void aServingNodeIsStartedReadyAndLive() {
    given()
        .baseUri(NexusServer.node().baseUrl())
        .get("/health/started")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("schema"));
    given()
        .baseUri(NexusServer.node().baseUrl())
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("database"));
    given()
        .baseUri(NexusServer.node().baseUrl())
        .get("/health/live")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"));
  }

  @Test
  void aNodeWhoseApplicationFailedToStartIsNeitherStartedNorReady() {
    // Nothing listens on this port: the schema migration fails, and with it the application.
    String unreachable = "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/nexus";
    try (LibertyInstance broken =
        LibertyInstance.launch(
            "node-no-db",
            Map.of("NEXUS_DB_URL", unreachable, "NEXUS_JWT_SECRET", NexusServer.jwtSecret()))) {
      broken.awaitApplicationFailed();
      given()
          .baseUri(broken.baseUrl())
          .get("/health/ready")
          .then()
          .statusCode(503)
          .body("status", equalTo("DOWN"));
      given()
          .baseUri(broken.baseUrl())
          .get("/health/started")
          .then()
          .statusCode(503)
          .body("status", equalTo("DOWN"));
      // Liveness stays up: restarting would not bring the database back.
      given().baseUri(broken.baseUrl()).get("/health/live").then().statusCode(200);
    }
  }
}

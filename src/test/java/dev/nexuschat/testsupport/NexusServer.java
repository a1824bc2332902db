package dev.nexuschat.testsupport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension giving every IT the same running node on real PostgreSQL and Redis, started once
 * per test run and stopped after the last test.
 */
public final class NexusServer implements BeforeAllCallback {
  public static final String CORS_ORIGIN = "https://chat.example.test";

  /**
   * The shared node raises the per-user budgets that ITs about other rules exceed on purpose:
   * HistoryPaginationIT posts 100+ messages per user at once, OrderingIT 100 per sender, the
   * browser run (WebClientE2EIT) seeds 1120 messages as one user, UnreadCountsIT creates 30 rooms,
   * AccessControlMatrixIT puts its cast in a fresh room for each of its 168 cells. The shipped
   * limits refuse that, as they should. Typing, search and the socket cap stay at their defaults
   * here; UserLimitsIT checks every limit at its default on a node of its own (nodes started by
   * {@link #startAnotherNode} get the defaults).
   */
  private static final Map<String, String> LOAD_TEST_LIMITS =
      Map.of(
          "NEXUS_LIMIT_SEND_BURST", "100000",
          "NEXUS_LIMIT_ROOM_CREATE_BURST", "1000",
          "NEXUS_LIMIT_MEMBER_ADD_BURST", "1000",
          "NEXUS_LIMIT_ADDED_TO_ROOMS_BURST", "1000");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(NexusServer.class);
  private static volatile Running running;

  /** Everything the tests share; closed by JUnit when the run ends. */
  private record Running(TestServices services, LibertyInstance node, String jwtSecret)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      try {
        node.close();
      } finally {
        services.close();
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    RestAssured.baseURI = node().baseUrl();
  }

  private static Running start() {
    try {
      TestServices services = TestServices.start();
      try {
        return startNode(services);
      } catch (RuntimeException e) {
        services.close();
        throw e;
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the test environment: " + e.getMessage(), e);
    }
  }

  private static Running startNode(TestServices services) {
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    LibertyInstance node =
        LibertyInstance.start("node-a", nodeEnvironment(services, secret, LOAD_TEST_LIMITS));
    running = new Running(services, node, secret);
    return running;
  }

  /**
   * Starts another node on the same database, Redis and signing secret (so every user and token
   * works on it too), with {@code overrides} on top; the caller stops it.
   */
  public static LibertyInstance startAnotherNode(String name, Map<String, String> overrides) {
    LibertyInstance node =
        LibertyInstance.start(name, nodeEnvironment(services(), jwtSecret(), overrides));
    // Readiness does not touch JPA, whose first use takes many seconds on a busy machine: pay it
    // here (a failed sign-in reads the users table), not inside a test's 15 s patience.
    try {
      RestAssured.given()
          .baseUri(node.baseUrl())
          .header("X-Forwarded-For", Api.uniqueIp())
          .contentType(ContentType.JSON)
          .body(Map.of("email", "warm-up@example.test", "password", "not-it"))
          .post("/api/v1/auth/login")
          .then()
          .statusCode(401);
    } catch (RuntimeException | AssertionError e) {
      node.stop(); // a failed warm-up must not leave a node running into the next test class
      throw e;
    }
    return node;
  }

  private static Map<String, String> nodeEnvironment(
      TestServices services, String secret, Map<String, String> overrides) {
    Map<String, String> environment =
        new HashMap<>(
            Map.of(
                "NEXUS_DB_URL", services.jdbcUrl(),
                "NEXUS_DB_USER", services.dbUser(),
                "NEXUS_DB_PASSWORD", services.dbPassword(),
                "NEXUS_REDIS_URL", services.redisUrl(),
                "NEXUS_JWT_SECRET", secret,
                "NEXUS_TRUSTED_PROXIES", "127.0.0.1,::1",
                "NEXUS_CORS_ORIGINS", CORS_ORIGIN));
    // RefreshTokenPurgeIT watches expired rows go within its patience.
    environment.put("NEXUS_REFRESH_PURGE_SECONDS", "2");
    // UploadsIT watches an upload never attached, and bytes no upload points to, go within its
    // patience.
    environment.put("NEXUS_UPLOAD_ORPHAN_TTL", "30s");
    environment.put("NEXUS_UPLOAD_CLEANUP_SECONDS", "2");
    environment.put("NEXUS_UPLOAD_SWEEP_SECONDS", "5");
    environment.putAll(overrides);
    return environment;
  }

  public static LibertyInstance node() {
    return running.node();
  }

  public static TestServices services() {
    return running.services();
  }

  /** The node's signing secret, so tests can forge tokens the way an attacker cannot. */
  public static String jwtSecret() {
    return running.jwtSecret();
  }
}

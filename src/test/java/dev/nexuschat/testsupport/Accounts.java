package dev.nexuschat.testsupport;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Users with chosen names, registered over the API or (for bulk search data) inserted directly. */
public final class Accounts {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private Accounts() {}

  /** A short lower-case token no other test uses, for names that search must find. */
  public static String token() {
    String random = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    return "t" + Integer.toString(SEQUENCE.incrementAndGet(), 36) + random.replaceAll("[0-9]", "k");
  }

  /** A registration body with the tests' password. */
  public static Map<String, String> registration(
      String email, String username, String displayName) {
    return Map.of(
        "email",
        email,
        "username",
        username,
        "display_name",
        displayName,
        "password",
        Api.PASSWORD);
  }

  /** Registers and signs in a user with exactly this username and display name. */
  public static TestUser register(String username, String displayName) {
    String email = username.toLowerCase(Locale.ROOT) + "@example.test";
    String id =
        Api.anonymous()
            .body(registration(email, username, displayName))
            .post("/api/v1/auth/register")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Response login =
        Api.anonymous()
            .body(Map.of("email", email, "password", Api.PASSWORD))
            .post("/api/v1/auth/login");
    login.then().statusCode(200);
    return new TestUser(
        id, username, email, displayName, login.path("access_token"), login.path("refresh_token"));
  }

  /** Inserts a user row that can be found but not signed in as: cheap search data. */
  public static String insert(String username, String displayName) {
    UUID id = UUID.randomUUID();
    try (Connection db = NexusServer.services().openDatabase();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO users (id, email, email_key,"
                    + " username, username_key, display_name, display_name_key, password_hash, created_at,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'x', ?, ?)")) {
      String email = id + "@example.test";
      Timestamp now = Timestamp.from(Instant.now());
      insert.setObject(1, id);
      insert.setString(2, email);
      insert.setString(3, email);
      insert.setString(4, username);
      insert.setString(5, username.toLowerCase(Locale.ROOT));
      insert.setString(6, displayName);
      insert.setString(7, displayName.toLowerCase(Locale.ROOT));
      insert.setTimestamp(8, now);
      insert.setTimestamp(9, now);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return id.toString();
  }
}

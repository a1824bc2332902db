package dev.nexuschat.auth;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.StoredRows;
import dev.nexuschat.testsupport.TestUser;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens that can never be used again (expired, or revoked more than a day ago) are deleted
 * in the background, in bounded batches; everything a live session or reuse detection still needs
 * stays. The test node purges every 2 s (NEXUS_REFRESH_PURGE_SECONDS).
 */
@NexusIT
class RefreshTokenPurgeIT {
  private static final Duration PATIENCE = Duration.ofSeconds(45);

  @Test
  void expiredAndLongRevokedTokensAreDeletedAndLiveOnesKept() {
    TestUser user = Api.newUser("purge");
    UUID expiredFamily = UUID.randomUUID();
    UUID longRevokedFamily = UUID.randomUUID();
    UUID justRevokedFamily = UUID.randomUUID();
    UUID liveFamily = UUID.randomUUID();
    // More than one batch, so the purge has to come back for the rest.
    insert(expiredFamily, user, 1200, "now() - interval '1 minute'", "NULL", "NULL");
    insert(
        longRevokedFamily,
        user,
        3,
        "now() + interval '5 days'",
        "now() - interval '3 days'",
        "now() - interval '2 days'");
    insert(justRevokedFamily, user, 2, "now() + interval '5 days'", "now()", "now()");
    // A rotated token of a live family: reuse detection needs it until it expires.
    insert(liveFamily, user, 1, "now() + interval '5 days'", "now() - interval '1 hour'", "NULL");
    insert(liveFamily, user, 1, "now() + interval '5 days'", "NULL", "NULL");

    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> rows(expiredFamily) == 0 && rows(longRevokedFamily) == 0);

    assertThat(rows(justRevokedFamily), equalTo(2L));
    assertThat(rows(liveFamily), equalTo(2L));
    // The user's real sign-in (from registration) is untouched.
    Api.anonymous()
        .body(java.util.Map.of("refresh_token", user.refreshToken()))
        .post("/api/v1/auth/refresh")
        .then()
        .statusCode(200);
  }

  private static long rows(UUID family) {
    return StoredRows.count(
        "SELECT count(*) FROM refresh_tokens WHERE family_id = ?", family.toString());
  }

  private static void insert(
      UUID family, TestUser user, int count, String expiresAt, String usedAt, String revokedAt) {
    int inserted =
        StoredRows.update(
            "INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, remember_me,"
                + " created_at, expires_at, used_at, revoked_at)"
                + " SELECT gen_random_uuid(), ?, ?, md5(random()::text || g::text), false,"
                + " now() - interval '8 days', "
                + expiresAt
                + ", "
                + usedAt
                + ", "
                + revokedAt
                + " FROM generate_series(1, "
                + count
                + ") g",
            family.toString(),
            user.id());
    assertThat(inserted, equalTo(count));
  }
}

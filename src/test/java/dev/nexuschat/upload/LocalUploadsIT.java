package dev.nexuschat.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.Uploads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link UploadsIT} on the shared node: local storage, files under its data directory. */
@NexusIT
class LocalUploadsIT extends UploadsIT {
  @Override
  String baseUrl() {
    return NexusServer.node().baseUrl();
  }

  @Override
  boolean stored(String key) {
    return Files.exists(file(key));
  }

  @Override
  void storeStray(String key, byte[] bytes) throws Exception {
    Path file = file(key);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
  }

  /** Where local storage keeps {@code key}; a key that is not an upload's lands under "no/t-". */
  private static Path file(String key) {
    return NexusServer.node()
        .dataDir()
        .resolve("uploads")
        .resolve(key.substring(0, 2))
        .resolve(key.substring(2, 4))
        .resolve(key);
  }

  @Test
  void aRoomDeletedInTheDatabaseLeavesNoFilesBehind() throws Exception {
    TestUser carol = Api.newUser(baseUrl(), "up_carol");
    String doomed = Api.newRoom(baseUrl(), carol);
    String image = Uploads.upload(baseUrl(), carol, doomed, "plan.png", Uploads.png(50, 50));
    Uploads.sendWith(baseUrl(), carol, doomed, "the plan", image).then().statusCode(201);
    assertThat(stored(image)).isTrue();
    try (Connection db = NexusServer.services().openDatabase();
        PreparedStatement delete = db.prepareStatement("DELETE FROM rooms WHERE id = ?")) {
      delete.setObject(1, UUID.fromString(doomed));
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> !stored(image) && !stored(image + ".thumb"));
  }

  @Override
  boolean redirects() {
    return false;
  }
}

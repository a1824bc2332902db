package dev.nexuschat.upload;

import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@link UploadsIT} on the shared node: local storage, files under its data directory. */
@NexusIT
class LocalUploadsIT extends UploadsIT {
  @Override
  String baseUrl() {
    return NexusServer.node().baseUrl();
  }

  @Override
  boolean stored(String key) {
    Path file =
        NexusServer.node()
            .dataDir()
            .resolve("uploads")
            .resolve(key.substring(0, 2))
            .resolve(key.substring(2, 4))
            .resolve(key);
    return Files.exists(file);
  }

  @Override
  boolean redirects() {
    return false;
  }
}

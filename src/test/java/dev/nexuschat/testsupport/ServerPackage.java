package dev.nexuschat.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The trimmed server package {@code ./mvnw package} writes (target/nexuschat-server.zip), unpacked
 * under target/it so that a test node can run from it exactly as an operator would.
 */
public final class ServerPackage {
  private static final Path ZIP = Path.of("target", "nexuschat-server.zip");

  private ServerPackage() {}

  /** The unpacked package's Liberty directory; empty when the build skipped the package. */
  public static Optional<Path> unpacked() {
    if (!Files.exists(ZIP)) {
      return Optional.empty();
    }
    Path target = Path.of(System.getProperty("nexus.it.work.dir", "target/it")).resolve("package");
    try {
      // unzip keeps the scripts' execute bits, which java.util.zip drops.
      Process unzip =
          new ProcessBuilder(List.of("unzip", "-q", "-o", ZIP.toString(), "-d", target.toString()))
              .redirectErrorStream(true)
              .start();
      String output = new String(unzip.getInputStream().readAllBytes());
      if (!unzip.waitFor(120, TimeUnit.SECONDS) || unzip.exitValue() != 0) {
        throw new IllegalStateException("Cannot unpack " + ZIP + ": " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run unzip for " + ZIP, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return Optional.of(target.resolve("nexuschat"));
  }
}

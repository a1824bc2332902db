package dev.nexuschat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web client in a real Chromium (frontend/e2e, playwright-core + the system chromium) against
 * the running node: two users register, chat, reply, edit, delete, page through history, DM, and
 * axe-core finds no accessibility violations. Fails when the browser run fails.
 */
@NexusIT
class WebClientE2EIT {
  private static final Path FRONTEND = Path.of(System.getProperty("nexus.frontend.dir", "frontend"));

  @Test
  void browserFlowsPass() throws Exception {
    String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
    assertTrue(Files.isExecutable(Path.of(chromium)),
        "the browser tests need chromium at " + chromium + " (apt-get install -y chromium)");
    Path log = Path.of(System.getProperty("nexus.it.work.dir", "target/it")).resolve("e2e.log");
    Files.createDirectories(log.getParent());
    ProcessBuilder npm = new ProcessBuilder(List.of("npm", "run", "e2e"))
        .directory(FRONTEND.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    npm.environment().put("BASE_URL", NexusServer.node().baseUrl());
    npm.environment().put("CHROMIUM_PATH", chromium);
    Process process = npm.start();
    boolean finished = process.waitFor(12, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertTrue(finished, "the browser tests did not finish in 12 minutes\n" + output);
    assertEquals(0, process.exitValue(), "browser tests failed:\n" + output);
  }
}

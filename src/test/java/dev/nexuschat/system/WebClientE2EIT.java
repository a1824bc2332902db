package dev.nexuschat.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The web client in a real Chromium (frontend/e2e, playwright-core + the system chromium) against
 * the running node: two users register, chat over the real socket, reply, edit, delete, share an
 * image and a PDF (frontend/e2e/upload-steps.mjs), page through history, DM, survive a token expiry
 * and a server restart, and axe-core finds no accessibility violations. Fails when the browser run
 * fails.
 *
 * <p>The browser run asks this test to stop and start the node by printing {@code @@e2e
 * stop-server} or {@code @@e2e start-server}; it is answered on its standard input once the node is
 * down or ready again, so the run never guesses with sleeps.
 */
@NexusIT
class WebClientE2EIT {
  private static final Path FRONTEND =
      Path.of(System.getProperty("nexus.frontend.dir", "frontend"));
  private static final String COMMAND = "@@e2e ";
  private static final long TIMEOUT_MINUTES = 12;
  private boolean nodeStopped;

  @Test
  void browserFlowsPass() throws Exception {
    String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
    assertTrue(
        Files.isExecutable(Path.of(chromium)),
        "the browser tests need chromium at " + chromium + " (apt-get install -y chromium)");
    Path log = Path.of(System.getProperty("nexus.it.work.dir", "target/it")).resolve("e2e.log");
    Files.createDirectories(log.getParent());
    ProcessBuilder npm =
        new ProcessBuilder(List.of("npm", "run", "--silent", "e2e"))
            .directory(FRONTEND.toFile())
            .redirectErrorStream(true);
    npm.environment().put("BASE_URL", NexusServer.node().baseUrl());
    npm.environment().put("CHROMIUM_PATH", chromium);
    npm.environment().put("E2E_SERVER_CONTROL", "stdio");
    npm.environment().put("E2E_JWT_SECRET", NexusServer.jwtSecret());
    Process process = npm.start();

    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    watchdog.schedule(
        () -> {
          timedOut.set(true);
          process.destroyForcibly();
        },
        TIMEOUT_MINUTES,
        TimeUnit.MINUTES);
    StringBuilder output = new StringBuilder();
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer answers = process.outputWriter(StandardCharsets.UTF_8);
        Writer file = Files.newBufferedWriter(log)) {
      for (String line; (line = lines.readLine()) != null; ) {
        output.append(line).append('\n');
        file.write(line + "\n");
        file.flush();
        if (line.startsWith(COMMAND)) {
          answers.write(serve(line.substring(COMMAND.length()).trim()) + "\n");
          answers.flush();
        }
      }
      process.waitFor();
    } finally {
      watchdog.shutdownNow();
      if (nodeStopped) {
        NexusServer.node().start(); // the ITs after this one share the node
      }
    }
    System.out.println(output);
    assertTrue(
        !timedOut.get(),
        "the browser tests did not finish in " + TIMEOUT_MINUTES + " minutes\n" + output);
    assertEquals(0, process.exitValue(), "browser tests failed:\n" + output);
  }

  /** Carries out one request of the browser run; the answer is what it waits for. */
  private String serve(String request) {
    try {
      switch (request) {
        case "stop-server" -> {
          NexusServer.node().stop();
          nodeStopped = true;
          return "stopped";
        }
        case "start-server" -> {
          NexusServer.node().start();
          nodeStopped = false;
          return "started";
        }
        default -> {
          return "failed: unknown action " + request;
        }
      }
    } catch (RuntimeException e) {
      return "failed: " + e.getMessage().lines().findFirst().orElse("");
    }
  }
}

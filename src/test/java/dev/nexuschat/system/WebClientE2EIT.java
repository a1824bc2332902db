package dev.nexuschat.system;

import dev.nexuschat.testsupport.BrowserRun;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import java.util.Map;
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
  private static final long TIMEOUT_MINUTES = 12;
  private boolean nodeStopped;

  @Test
  void browserFlowsPass() throws Exception {
    try {
      BrowserRun.run(
          "e2e",
          NexusServer.node().baseUrl(),
          Map.of("E2E_SERVER_CONTROL", "stdio", "E2E_JWT_SECRET", NexusServer.jwtSecret()),
          TIMEOUT_MINUTES,
          this::serve);
    } finally {
      if (nodeStopped) {
        NexusServer.node().start(); // the ITs after this one share the node
      }
    }
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

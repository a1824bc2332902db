package dev.nexuschat.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * One run of the browser suite (frontend/e2e, playwright-core and the system chromium) against a
 * node, its output kept in {@code target/it/<name>.log}. Fails the test when the run fails or takes
 * longer than {@code timeoutMinutes}. The run may ask for things by printing {@code @@e2e
 * <request>}; {@code serve} answers each on its standard input, so it never guesses with sleeps.
 */
public final class BrowserRun {
  private static final Path FRONTEND =
      Path.of(System.getProperty("nexus.frontend.dir", "frontend"));
  private static final String COMMAND = "@@e2e ";

  private BrowserRun() {}

  public static void run(
      String name,
      String baseUrl,
      Map<String, String> environment,
      long timeoutMinutes,
      UnaryOperator<String> serve)
      throws Exception {
    String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
    assertTrue(
        Files.isExecutable(Path.of(chromium)),
        "the browser tests need chromium at " + chromium + " (apt-get install -y chromium)");
    Path log = Path.of(System.getProperty("nexus.it.work.dir", "target/it")).resolve(name + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder npm =
        new ProcessBuilder(List.of("npm", "run", "--silent", "e2e"))
            .directory(FRONTEND.toFile())
            .redirectErrorStream(true);
    npm.environment().put("BASE_URL", baseUrl);
    npm.environment().put("CHROMIUM_PATH", chromium);
    npm.environment().putAll(environment);
    Process process = npm.start();

    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    watchdog.schedule(
        () -> {
          timedOut.set(true);
          process.destroyForcibly();
        },
        timeoutMinutes,
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
          answers.write(serve.apply(line.substring(COMMAND.length()).trim()) + "\n");
          answers.flush();
        }
      }
      process.waitFor();
    } finally {
      watchdog.shutdownNow();
    }
    System.out.println(output);
    assertTrue(
        !timedOut.get(),
        "the browser tests did not finish in " + timeoutMinutes + " minutes\n" + output);
    assertEquals(0, process.exitValue(), "browser tests failed:\n" + output);
  }
}

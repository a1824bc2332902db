package dev.nexuschat.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running NexusChat node: the Liberty server the build laid out under {@code target/liberty},
 * started with its own port, output directory and environment, so several instances of the same
 * server (a second node, the embedded-default smoke server) can run side by side.
 */
public final class LibertyInstance implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  // HTTP/1.1: the JDK client's h2c upgrade attempt stalls on some Liberty and nginx responses.
  private static final HttpClient PROBE_CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final String name;
  private final Path wlpDir;
  private final Path outputDir;
  private final Map<String, String> environment;
  private final int httpPort;
  private boolean running;

  private LibertyInstance(String name, Map<String, String> nexusEnvironment) {
    this(
        name, nexusEnvironment, Path.of(System.getProperty("nexus.wlp.dir", "target/liberty/wlp")));
  }

  private LibertyInstance(String name, Map<String, String> nexusEnvironment, Path wlpDir) {
    this.name = name;
    this.wlpDir = wlpDir;
    this.outputDir = workDir().resolve(name);
    this.httpPort = FreePorts.next();
    this.environment = new HashMap<>(nexusEnvironment);
    environment.put("NEXUS_HTTP_PORT", Integer.toString(httpPort));
    environment.put("NEXUS_HTTP_HOST", "127.0.0.1");
    if (!environment.containsKey("NEXUS_DATA_DIR")) {
      // A new instance starts empty, also when the last build's target/ is still there.
      Path dataDir = outputDir.resolve("data");
      try {
        Directories.deleteTree(dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      environment.put("NEXUS_DATA_DIR", dataDir.toString());
    }
    environment.put("WLP_OUTPUT_DIR", outputDir.toString());
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.putIfAbsent("JVM_ARGS", "-Xmx512m");
    // bcrypt's minimum: the suite registers thousands of accounts, a quarter second each at 12.
    // PasswordHasherTest covers the production default; RegistrationIT that the setting applies.
    environment.putIfAbsent("NEXUS_BCRYPT_COST", "4");
  }

  /** Starts an instance and waits until {@code /health/ready} answers UP. */
  public static LibertyInstance start(String name, Map<String, String> nexusEnvironment) {
    LibertyInstance instance = new LibertyInstance(name, nexusEnvironment);
    instance.start();
    return instance;
  }

  /**
   * Starts an instance of the server in another Liberty installation {@code wlpDir} (an unpacked
   * server package) and waits until {@code /health/ready} answers UP.
   */
  public static LibertyInstance start(
      String name, Map<String, String> nexusEnvironment, Path wlpDir) {
    LibertyInstance instance = new LibertyInstance(name, nexusEnvironment, wlpDir);
    instance.start();
    return instance;
  }

  /**
   * Starts an instance without waiting for readiness, for tests of a node that must not become
   * ready; {@link #awaitApplicationFailed()} waits for its application to have failed.
   */
  public static LibertyInstance launch(String name, Map<String, String> nexusEnvironment) {
    LibertyInstance instance = new LibertyInstance(name, nexusEnvironment);
    instance.run("start");
    instance.running = true;
    return instance;
  }

  /** Waits until the log says the application failed to start; throws if it started or hung. */
  public void awaitApplicationFailed() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (applicationFailed()) {
        return;
      }
      sleep();
    }
    throw new IllegalStateException(
        name + ": the application did not fail within " + START_TIMEOUT + "\n" + logTail());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  public Path dataDir() {
    return Path.of(environment.get("NEXUS_DATA_DIR"));
  }

  public Path logFile() {
    return outputDir.resolve(serverName()).resolve("logs").resolve("messages.log");
  }

  public void start() {
    run("start");
    running = true;
    try {
      awaitReady();
    } catch (RuntimeException notReady) {
      stop();
      throw notReady;
    }
  }

  public void stop() {
    if (running) {
      run("stop");
      running = false;
    }
  }

  /** Kills the node's JVM as a crash would: no shutdown, no close frames, no goodbyes in Redis. */
  public void crash() {
    Path pidFile = outputDir.resolve(".pid").resolve(serverName() + ".pid");
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle process =
          ProcessHandle.of(pid)
              .orElseThrow(() -> new IllegalStateException(name + " is not running as " + pid));
      process.destroyForcibly();
      process.onExit().get(60, TimeUnit.SECONDS);
      running = false;
    } catch (IOException
        | java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Cannot crash " + name + " (pid file " + pidFile + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public void restart() {
    stop();
    start();
  }

  @Override
  public void close() {
    stop();
  }

  private void run(String action) {
    Path script = wlpDir.resolve("bin").resolve("server");
    ProcessBuilder builder =
        new ProcessBuilder(List.of(script.toString(), action, serverName()))
            .redirectErrorStream(true)
            .redirectOutput(outputDir.resolveSibling(name + "-" + action + ".out").toFile());
    // Only what this instance is given: a NEXUS_* variable of the developer's shell must not leak
    // in.
    builder
        .environment()
        .keySet()
        .removeIf(key -> key.startsWith("NEXUS_") || key.startsWith("WLP_"));
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(outputDir);
      Process process = builder.start();
      if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
          || process.exitValue() != 0) {
        throw new IllegalStateException(
            "server "
                + action
                + " of "
                + name
                + " failed; see "
                + outputDir.resolveSibling(name + "-" + action + ".out")
                + "\n"
                + logTail());
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (isReady(baseUrl())) {
        return;
      }
      if (applicationFailed()) {
        throw new IllegalStateException(name + ": the application failed to start\n" + logTail());
      }
      sleep();
    }
    throw new IllegalStateException(
        name + " did not become ready in " + START_TIMEOUT + "\n" + logTail());
  }

  /**
   * One look at {@code baseUrl}'s /health/ready: true on 200, false on anything else or no answer.
   */
  static boolean isReady(String baseUrl) {
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      return PROBE_CLIENT.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** CWWKZ0002E: the app failed to start; SRVE0283E: its context failed to initialise. */
  private boolean applicationFailed() {
    try {
      String log = Files.exists(logFile()) ? Files.readString(logFile()) : "";
      return log.contains("CWWKZ0002E") || log.contains("SRVE0283E") || log.contains("CWWKZ0004E");
    } catch (IOException e) {
      return false;
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log at " + logFile() + ")";
    }
  }

  private static String serverName() {
    return System.getProperty("nexus.server.name", "nexus");
  }

  private static Path workDir() {
    return Path.of(System.getProperty("nexus.it.work.dir", "target/it"));
  }
}

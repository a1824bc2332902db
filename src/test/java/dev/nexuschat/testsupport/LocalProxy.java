package dev.nexuschat.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx with docker/nginx/nginx.conf in front of two nodes, started by
 * docker/nginx/run-local.sh in the foreground as a child process, with its files under {@code
 * target/it/nginx}. Closing it stops nginx (SIGTERM, then kill).
 */
public final class LocalProxy implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Path SCRIPT = Path.of("docker", "nginx", "run-local.sh");

  private final Process nginx;
  private final int port;
  private final Path output;

  private LocalProxy(Process nginx, int port, Path output) {
    this.nginx = nginx;
    this.port = port;
    this.output = output;
  }

  /**
   * Starts nginx in front of {@code nodes} and waits until the proxied /health/ready answers 200.
   */
  public static LocalProxy start(LibertyInstance first, LibertyInstance second) {
    Path workDir = Path.of(System.getProperty("nexus.it.work.dir", "target/it")).resolve("nginx");
    Path output = workDir.resolveSibling("nginx.out");
    int port = FreePorts.next();
    try {
      Files.createDirectories(workDir);
      Process process =
          new ProcessBuilder(
                  List.of(
                      "bash",
                      SCRIPT.toString(),
                      Integer.toString(port),
                      "127.0.0.1:" + first.httpPort(),
                      "127.0.0.1:" + second.httpPort(),
                      workDir.toString()))
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      LocalProxy proxy = new LocalProxy(process, port, output);
      try {
        proxy.awaitReady();
      } catch (RuntimeException e) {
        proxy.close();
        throw e;
      }
      return proxy;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start nginx with " + SCRIPT, e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!nginx.isAlive()) {
        throw new IllegalStateException(
            "nginx exited with " + nginx.exitValue() + ":\n" + output());
      }
      if (LibertyInstance.isReady(baseUrl())) {
        return;
      }
      try {
        nginx.waitFor(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "nginx did not proxy /health/ready in " + START_TIMEOUT + ":\n" + output());
  }

  /** What nginx printed: the access log (stdout) and errors (stderr). */
  public String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      return "(no output at " + output + ")";
    }
  }

  @Override
  public void close() {
    nginx.destroy();
    try {
      if (!nginx.waitFor(15, TimeUnit.SECONDS)) {
        nginx.descendants().forEach(ProcessHandle::destroyForcibly);
        nginx.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

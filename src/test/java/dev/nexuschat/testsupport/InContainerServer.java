package dev.nexuschat.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares the Liberty server that Arquillian starts for in-container tests: a copy of the build's
 * server configuration without the application (Arquillian deploys its own archive), on the same
 * PostgreSQL and Redis as {@link NexusServer}, with the local JMX connector Arquillian deploys
 * through. Must run after NexusServer and before the Arquillian extension.
 */
public final class InContainerServer implements BeforeAllCallback {
  static final String SERVER_NAME = "nexus-arquillian";
  private static boolean prepared;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    synchronized (InContainerServer.class) {
      if (!prepared) {
        prepare();
        prepared = true;
      }
    }
  }

  private static void prepare() throws IOException {
    Path servers =
        Path.of(System.getProperty("nexus.wlp.dir", "target/liberty/wlp"), "usr", "servers");
    Path source = servers.resolve(System.getProperty("nexus.server.name", "nexus"));
    Path target = servers.resolve(SERVER_NAME);
    Directories.deleteTree(target);
    Files.createDirectories(target.resolve("configDropins/overrides"));
    copyTree(source.resolve("lib"), target.resolve("lib"));
    String serverXml =
        Files.readString(source.resolve("server.xml")).replaceAll("(?s)<webApplication[^>]*/>", "");
    Files.writeString(target.resolve("server.xml"), serverXml);
    Files.writeString(
        target.resolve("configDropins/overrides/arquillian.xml"),
        """
        <server>
            <featureManager>
                <feature>localConnector-1.0</feature>
            </featureManager>
            <applicationMonitor updateTrigger="mbean" dropinsEnabled="true"/>
        </server>
        """);
    int port = FreePorts.next();
    TestServices services = NexusServer.services();
    Properties bootstrap = new Properties();
    bootstrap.setProperty("NEXUS_DB_URL", services.jdbcUrl());
    bootstrap.setProperty("NEXUS_DB_USER", services.dbUser());
    bootstrap.setProperty("NEXUS_DB_PASSWORD", services.dbPassword());
    bootstrap.setProperty("NEXUS_REDIS_URL", services.redisUrl());
    bootstrap.setProperty("NEXUS_JWT_SECRET", NexusServer.jwtSecret());
    bootstrap.setProperty("NEXUS_HTTP_PORT", Integer.toString(port));
    bootstrap.setProperty("NEXUS_HTTP_HOST", "127.0.0.1");
    bootstrap.setProperty("NEXUS_DATA_DIR", target.resolve("data").toAbsolutePath().toString());
    try (var out = Files.newBufferedWriter(target.resolve("bootstrap.properties"))) {
      bootstrap.store(out, "Written by InContainerServer for the Arquillian tests");
    }
    System.setProperty(
        "arq.container.liberty-managed.configuration.httpPort", Integer.toString(port));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path destination = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(path, destination);
        }
      }
    }
  }
}

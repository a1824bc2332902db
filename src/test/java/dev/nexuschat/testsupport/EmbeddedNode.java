package dev.nexuschat.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension giving the tests that hold one rule to both databases a second node on the
 * embedded H2 default (nothing configured but the proxy and raised limits, so a test's bursts are
 * not throttled). One node for every such class, started on first use and stopped when the run
 * ends: a Liberty start is many seconds of a busy machine. A test that needs other settings on H2
 * starts its own with {@link #start(String, Map)}.
 */
public final class EmbeddedNode implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmbeddedNode.class);
  private static volatile LibertyInstance node;

  private record Shared(LibertyInstance node) implements AutoCloseable {
    @Override
    public void close() {
      node.close();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Shared.class, key -> new Shared(node = start("embedded-h2", Map.of())), Shared.class);
  }

  /** A node of its own on H2, with {@code overrides} on top (e.g. another upload storage). */
  public static LibertyInstance start(String name, Map<String, String> overrides) {
    Map<String, String> environment =
        new HashMap<>(
            Map.of(
                "NEXUS_TRUSTED_PROXIES", "127.0.0.1,::1",
                "NEXUS_LIMIT_SEND_BURST", "100000",
                "NEXUS_LIMIT_ROOM_CREATE_BURST", "1000",
                "NEXUS_LIMIT_MEMBER_ADD_BURST", "1000",
                "NEXUS_LIMIT_ADDED_TO_ROOMS_BURST", "1000"));
    environment.putAll(overrides);
    return LibertyInstance.start(name, environment);
  }

  public static String baseUrl() {
    return node.baseUrl();
  }

  /** The databases a both-databases test runs on: {@code @MethodSource(DATABASES)}. */
  public static final String DATABASES = "dev.nexuschat.testsupport.EmbeddedNode#databases";

  public static Stream<String> databases() {
    return Stream.of("PostgreSQL", "H2");
  }

  /** The node on {@code database}: this one for H2, the shared {@link NexusServer} otherwise. */
  public static String baseUrl(String database) {
    return database.equals("H2") ? baseUrl() : NexusServer.node().baseUrl();
  }
}

package dev.nexuschat.testsupport;

import java.util.Map;

/**
 * A second node on the embedded H2 default (nothing configured), for tests that run one rule
 * against both databases. Limits are raised so a test's bursts are not throttled.
 */
public final class EmbeddedNode {
  private EmbeddedNode() {}

  public static LibertyInstance start(String name) {
    return start(name, Map.of());
  }

  /** The same with {@code overrides} on top (e.g. another upload storage). */
  public static LibertyInstance start(String name, Map<String, String> overrides) {
    Map<String, String> environment =
        new java.util.HashMap<>(
            Map.of(
                "NEXUS_TRUSTED_PROXIES", "127.0.0.1,::1",
                "NEXUS_LIMIT_SEND_BURST", "100000",
                "NEXUS_LIMIT_ROOM_CREATE_BURST", "1000",
                "NEXUS_LIMIT_MEMBER_ADD_BURST", "1000",
                "NEXUS_LIMIT_ADDED_TO_ROOMS_BURST", "1000"));
    environment.putAll(overrides);
    return LibertyInstance.start(name, environment);
  }
}

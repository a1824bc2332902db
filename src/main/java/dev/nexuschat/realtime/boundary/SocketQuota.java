package dev.nexuschat.realtime.boundary;

import dev.nexuschat.realtime.routing.LocalConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many sockets one user may hold open on this node ({@code NEXUS_WS_MAX_SOCKETS_PER_USER}, 20:
 * a dozen tabs and devices with room to spare). Counted per node, from the connections the node
 * holds, so a crashed node leaves nothing to clean up; behind N nodes a user may hold N times as
 * many. Checked before the upgrade; handshakes of one user racing each other may pass together.
 */
@ApplicationScoped
class SocketQuota {
  /** When a refused client may try again: sockets close when their tabs do. */
  static final long RETRY_AFTER_SECONDS = 30;

  @Inject LocalConnections local;

  @Inject
  @ConfigProperty(name = "NEXUS_WS_MAX_SOCKETS_PER_USER", defaultValue = "20")
  int maxPerUser;

  /** True when {@code userId} may open one more socket here. */
  boolean admitsAnother(UUID userId) {
    return maxPerUser <= 0 || local.countOf(userId) < maxPerUser;
  }
}

package dev.nexuschat.realtime.connection;

import dev.nexuschat.auth.control.SessionRevocations;
import dev.nexuschat.auth.control.SessionRevoked;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's open sockets by sign-in session (the {@code sid} of the token they were opened with),
 * so that a session that ends, on any node, closes its sockets here with 4001: the client tries to
 * refresh, is refused, and signs in again.
 */
@ApplicationScoped
public class SessionSockets {
  @Inject SessionRevocations revocations;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService closer;

  private final ConcurrentHashMap<UUID, Set<Connection>> bySession = new ConcurrentHashMap<>();

  /**
   * Tracks {@code connection}; closes it at once if its session ended between the handshake's check
   * and now (the revocation's close would have missed it).
   */
  public void opened(UUID sessionId, Connection connection) {
    bySession.compute(
        sessionId,
        (id, set) -> {
          Set<Connection> sockets = set == null ? ConcurrentHashMap.newKeySet() : set;
          sockets.add(connection);
          return sockets;
        });
    if (revocations.isRevoked(sessionId)) {
      end(connection);
    }
  }

  public void closed(UUID sessionId, Connection connection) {
    if (sessionId == null) {
      return; // the socket closed before it was tracked
    }
    bySession.computeIfPresent(
        sessionId,
        (id, set) -> {
          set.remove(connection);
          return set.isEmpty() ? null : set;
        });
  }

  /** On the revoking request's thread or the Redis subscriber's: the closes run elsewhere. */
  void sessionRevoked(@Observes SessionRevoked revoked) {
    Set<Connection> sockets = bySession.get(revoked.sessionId());
    if (sockets != null) {
      sockets.forEach(this::end);
    }
  }

  private void end(Connection connection) {
    connection.closeOn(
        closer, CloseReason.CloseCodes.getCloseCode(Connection.TOKEN_EXPIRED), "Session ended");
  }
}

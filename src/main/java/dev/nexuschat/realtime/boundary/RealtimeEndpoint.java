package dev.nexuschat.realtime.boundary;

import dev.nexuschat.auth.control.AccessTokenVerifier.VerifiedAccess;
import dev.nexuschat.platform.errors.ApiException;
import dev.nexuschat.platform.errors.RateLimited;
import dev.nexuschat.platform.metrics.NexusMetrics;
import dev.nexuschat.presence.control.PresenceDirectory;
import dev.nexuschat.realtime.commands.ClientCommand;
import dev.nexuschat.realtime.commands.ClientCommands;
import dev.nexuschat.realtime.connection.Connection;
import dev.nexuschat.realtime.connection.ConnectionTimers;
import dev.nexuschat.realtime.connection.SessionSockets;
import dev.nexuschat.realtime.events.TypingIndicators;
import dev.nexuschat.realtime.routing.LocalConnections;
import dev.nexuschat.realtime.routing.StreamStart;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /ws}: one instance per socket; translates frames, the rules live in the control package.
 */
@Dependent
@ServerEndpoint(
    value = "/ws",
    subprotocols = BearerToken.SUBPROTOCOL,
    configurator = HandshakeIdentity.class)
public class RealtimeEndpoint {
  static final int MAX_FRAME_BYTES = 64 * 1024;
  private static final Logger LOG = Logger.getLogger(RealtimeEndpoint.class.getName());

  @Inject LocalConnections local;
  @Inject StreamStart streams;
  @Inject NexusMetrics metrics;
  @Inject ClientCommands commands;
  @Inject TypingIndicators typing;
  @Inject PresenceDirectory presence;
  @Inject ConnectionTimers connectionTimers;
  @Inject SessionSockets sessions;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "NEXUS_WS_QUEUE_FRAMES", defaultValue = "1024")
  int queueFrames;

  @Inject
  @ConfigProperty(name = "NEXUS_WS_QUEUE_BYTES", defaultValue = "4194304")
  long queueBytes;

  private Connection connection;
  private java.util.UUID sessionId;
  private final AtomicBoolean closed = new AtomicBoolean();

  @OnOpen
  public void open(Session session) {
    VerifiedAccess access =
        (VerifiedAccess) session.getUserProperties().get(HandshakeIdentity.ACCESS);
    session.setMaxIdleTimeout(0);
    session.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
    connection =
        new Connection(
            session,
            access.userId(),
            access.username(),
            access.expiresAt(),
            new Connection.QueueBounds(queueFrames, queueBytes),
            executor,
            metrics::socketClosedTooSlow);
    streams.open(connection);
    sessionId = access.sessionId();
    sessions.opened(sessionId, connection);
    connectionTimers.closeWhenTokenExpires(connection);
    presence.connectionOpened(access.userId(), access.username());
  }

  @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
  public void message(String text) {
    connection.heard();
    if (text.length() > MAX_FRAME_BYTES / 3
        && text.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES) {
      // The container does not enforce maxMessageSize on every path: the contract's cap is ours.
      connection.close(CloseReason.CloseCodes.TOO_BIG, "Frame over 64 KiB");
      return;
    }
    String ref = null;
    FrameCodec.ClientFrame frame = null;
    try {
      frame = FrameCodec.decode(text);
      ref = frame.ref();
      String ack = commands.handle(connection, frame.command());
      if (ref != null) {
        connection.send(FrameCodec.ack(ref, ack));
      }
    } catch (RateLimited e) {
      // Typing without a ref is fire-and-forget: over the limit it is dropped, not answered.
      if (ref != null || !(frame.command() instanceof ClientCommand.TypingStart)) {
        connection.send(FrameCodec.error(ref, e));
      }
    } catch (ApiException e) {
      connection.send(FrameCodec.error(ref != null ? ref : FrameCodec.refOf(text), e));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Client event failed", e);
      connection.send(
          FrameCodec.error(
              ref != null ? ref : FrameCodec.refOf(text),
              "INTERNAL_ERROR",
              "The server could not handle this event"));
    }
  }

  @OnMessage
  public void pong(PongMessage pong) {
    connection.heard();
  }

  @OnClose
  public void close(Session session, CloseReason reason) {
    if (connection == null || !closed.compareAndSet(false, true)) {
      return;
    }
    List<java.util.UUID> rooms = local.roomsOf(connection);
    local.unregister(connection);
    sessions.closed(sessionId, connection);
    typing.disconnected(connection.userId(), rooms);
    presence.connectionClosed(connection.userId());
  }

  @OnError
  public void error(Session session, Throwable failure) {
    LOG.log(Level.FINE, "WebSocket error", failure);
  }
}

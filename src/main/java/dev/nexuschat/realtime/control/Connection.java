package dev.nexuschat.realtime.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open socket of one user. Every outgoing frame goes through a bounded queue drained by one
 * asynchronous send at a time, so a slow reader never blocks the thread that fans an event out; a
 * reader that falls a whole queue behind is closed (1008) and catches up on reconnect.
 */
public final class Connection {
  /** Application close code: the access token expired; the client refreshes and reconnects. */
  public static final int TOKEN_EXPIRED = 4001;

  private static final Logger LOG = Logger.getLogger(Connection.class.getName());

  private final Session session;
  private final UUID userId;
  private final String username;
  private final Instant tokenExpiresAt;
  private final BlockingQueue<String> outbox;
  private final Executor closer;
  private final Runnable closingTooSlow;
  private final AtomicBoolean sending = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile boolean queueClosed;
  private final Set<UUID> rooms = ConcurrentHashMap.newKeySet();
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile long lastPingNanos = System.nanoTime();
  private volatile Future<?> expiryTimer;

  /** {@code closer} runs the close of a reader that fell behind, off the thread that fans out. */
  public Connection(
      Session session,
      UUID userId,
      String username,
      Instant tokenExpiresAt,
      int queueCapacity,
      Executor closer,
      Runnable closingTooSlow) {
    this.session = session;
    this.closer = closer;
    this.closingTooSlow = closingTooSlow;
    this.userId = userId;
    this.username = username;
    this.tokenExpiresAt = tokenExpiresAt;
    this.outbox = new ArrayBlockingQueue<>(queueCapacity);
  }

  public UUID userId() {
    return userId;
  }

  public String username() {
    return username;
  }

  public String id() {
    return session.getId();
  }

  public Instant tokenExpiresAt() {
    return tokenExpiresAt;
  }

  Set<UUID> rooms() {
    return rooms;
  }

  public boolean isIn(UUID roomId) {
    return rooms.contains(roomId);
  }

  public void heard() {
    lastHeardNanos = System.nanoTime();
  }

  long silentNanos(long now) {
    return now - lastHeardNanos;
  }

  long sincePingNanos(long now) {
    return now - lastPingNanos;
  }

  void expiryTimer(Future<?> timer) {
    expiryTimer = timer;
  }

  /** Queues a text frame; never blocks. */
  public void send(String frame) {
    if (queueClosed || closing.get()) {
      return;
    }
    if (!outbox.offer(frame)) {
      closeTooSlow();
      return;
    }
    drain();
  }

  private void drain() {
    while (!outbox.isEmpty() && sending.compareAndSet(false, true)) {
      String next = outbox.poll();
      if (next == null) {
        sending.set(false);
        continue;
      }
      try {
        session
            .getAsyncRemote()
            .sendText(
                next,
                result -> {
                  sending.set(false);
                  if (!result.isOK()) {
                    abandon();
                    return;
                  }
                  drain();
                });
      } catch (RuntimeException e) {
        sending.set(false);
        abandon();
      }
      return;
    }
  }

  /**
   * A write failed: the socket is gone; the container reports it to the endpoint (onError/onClose)
   * or, at the latest, the keep-alive drops it after 60 s of silence. Closing it from here parks
   * this I/O thread in the container's close, which cancels the pending read and waits for that on
   * another executor thread: with a thousand clients gone at once every executor thread waited and
   * the server stopped answering. So this only stops queueing.
   */
  private void abandon() {
    queueClosed = true;
    outbox.clear();
  }

  /**
   * Liberty's close sends a close frame after the write in flight, waiting up to a timeout for it,
   * and a reader that does not read does not finish that write: on the fan-out thread the wait
   * would hold up every other connection's events. Nothing more is queued meanwhile.
   */
  private void closeTooSlow() {
    queueClosed = true;
    outbox.clear();
    closingTooSlow.run();
    Runnable closeIt =
        () -> close(CloseReason.CloseCodes.VIOLATED_POLICY, "Too slow: reconnect and catch up");
    try {
      closer.execute(closeIt);
    } catch (RejectedExecutionException shuttingDown) {
      closeIt.run();
    }
  }

  void ping() {
    lastPingNanos = System.nanoTime();
    try {
      session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Ping failed", e);
    }
  }

  public void close(CloseReason.CloseCode code, String reason) {
    close(code.getCode(), reason);
  }

  public void close(int code, String reason) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    Future<?> timer = expiryTimer;
    if (timer != null) {
      timer.cancel(false);
    }
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Close failed", e);
    }
  }

  void forgetTimers() {
    Future<?> timer = expiryTimer;
    if (timer != null) {
      timer.cancel(false);
    }
  }
}

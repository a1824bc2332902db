package dev.nexuschat.realtime.connection;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open socket of one user: who it is, the rooms it follows, its keep-alive clock and its close.
 * Outgoing frames go through its {@link Outbox}, held until {@link #start} writes {@code ready}, so
 * a slow reader never blocks the thread that fans an event out; a reader that falls a whole queue
 * of history behind (in frames or in bytes) is closed (1008) and catches up on reconnect.
 */
public final class Connection {
  /** Application close code: the access token expired; the client refreshes and reconnects. */
  public static final int TOKEN_EXPIRED = 4001;

  private static final Logger LOG = Logger.getLogger(Connection.class.getName());
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final Session session;
  private final UUID userId;
  private final String username;
  private final Instant tokenExpiresAt;
  private final Outbox outbox;
  private final Executor closer;
  private final Runnable closingTooSlow;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean pingClaimed = new AtomicBoolean();
  private final Set<UUID> rooms = ConcurrentHashMap.newKeySet();
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile long lastPingNanos = lastHeardNanos;
  private volatile Future<?> expiryTimer;

  /**
   * How far behind a reader may fall: {@code frames} of history, and {@code bytes} (UTF-8) of them,
   * whichever is reached first. Frames bound the count of small frames, bytes the memory that a few
   * big ones (5000-character messages) hold.
   */
  public record QueueBounds(int frames, long bytes) {}

  /** {@code closer} runs the close of a reader that fell behind, off the thread that fans out. */
  public Connection(
      Session session,
      UUID userId,
      String username,
      Instant tokenExpiresAt,
      QueueBounds queue,
      Executor closer,
      Runnable closingTooSlow) {
    this.session = session;
    this.closer = closer;
    this.closingTooSlow = closingTooSlow;
    this.userId = userId;
    this.username = username;
    this.tokenExpiresAt = tokenExpiresAt;
    this.outbox = new Outbox(session.getAsyncRemote(), queue, this::writeFailed);
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

  /** The rooms this socket receives, kept by the routing as memberships change. */
  public Set<UUID> rooms() {
    return Collections.unmodifiableSet(rooms);
  }

  public void entered(UUID roomId) {
    rooms.add(roomId);
  }

  public void left(UUID roomId) {
    rooms.remove(roomId);
  }

  public boolean isIn(UUID roomId) {
    return rooms.contains(roomId);
  }

  public void heard() {
    lastHeardNanos = System.nanoTime();
  }

  /**
   * Silent for {@code limitNanos} although pinged since it was last heard: a client that had no
   * ping to answer (the keep-alive ran late) is not silent, however long ago it spoke.
   */
  boolean silentDespitePing(long now, long limitNanos) {
    long heard = lastHeardNanos;
    return now - heard >= limitNanos && lastPingNanos - heard > 0;
  }

  long sincePingNanos(long now) {
    return now - lastPingNanos;
  }

  void expiryTimer(Future<?> timer) {
    expiryTimer = timer;
  }

  /**
   * Writes the socket's first frame ({@code ready}); what was queued until now follows it, numbered
   * from 1.
   */
  public void start(String readyFrame) {
    if (!closing.get()) {
      outbox.start(readyFrame);
    }
  }

  /** Queues a frame of history (message, ack, membership change); never blocks. */
  public void send(String frame) {
    if (closing.get()) {
      return;
    }
    if (!outbox.offer(frame)) {
      closeTooSlow();
    }
  }

  /** Queues a state frame (presence, typing) in place of a pending one about the same thing. */
  public void sendState(StateKey key, String frame) {
    if (!closing.get()) {
      outbox.offerState(key, frame);
    }
  }

  /**
   * Liberty's close sends a close frame after the write in flight, waiting up to a timeout for it,
   * and a reader that does not read does not finish that write: on the fan-out thread the wait
   * would hold up every other connection's events. Nothing more is queued meanwhile.
   */
  private void closeTooSlow() {
    closingTooSlow.run();
    closeOn(closer, CloseReason.CloseCodes.VIOLATED_POLICY, "Too slow: reconnect and catch up");
  }

  /**
   * A write that timed out (Liberty gives each write a limited time, 60 s by default) means a
   * reader that does not read: closed like one that fell a whole queue behind, or the socket would
   * stay open, answering pings, with nothing written to it ever again. Any other failure means the
   * socket is gone; the container reports it to the endpoint (onError/onClose) or, at the latest,
   * the keep-alive drops it. Closing it from the I/O thread that reports the failure parks that
   * thread in the container's close (it cancels the pending read and waits for that on another
   * executor thread): with a thousand clients gone at once every executor thread waited and the
   * server stopped answering. So then this only stops writing.
   */
  private void writeFailed(Throwable failure) {
    if (timedOut(failure)) {
      closingTooSlow.run();
      closeOn(closer, CloseReason.CloseCodes.VIOLATED_POLICY, "Too slow: reconnect and catch up");
    } else {
      LOG.log(Level.FINE, "Write failed: the socket is gone", failure);
    }
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (t instanceof SocketTimeoutException
          || t instanceof TimeoutException
          || (message != null && message.toLowerCase(Locale.ROOT).contains("timed out"))) {
        return true;
      }
    }
    return false;
  }

  /** Closes on {@code executor}: the container's close may wait for the write in flight. */
  public void closeOn(Executor executor, CloseReason.CloseCode code, String reason) {
    Runnable closeIt = () -> close(code, reason);
    try {
      executor.execute(closeIt);
    } catch (RejectedExecutionException shuttingDown) {
      closeIt.run();
    }
  }

  /**
   * True for the one caller that is to send the next ping: a ping not yet sent is not due again.
   */
  boolean claimPing() {
    return pingClaimed.compareAndSet(false, true);
  }

  /** Liberty's "async" ping is a synchronous write: call it off any thread that serves others. */
  void ping() {
    lastPingNanos = System.nanoTime();
    pingClaimed.set(false);
    try {
      session.getAsyncRemote().sendPing(EMPTY.duplicate());
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
    forgetTimers();
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Close failed", e);
    }
  }

  public void forgetTimers() {
    Future<?> timer = expiryTimer;
    if (timer != null) {
      timer.cancel(false);
    }
  }
}

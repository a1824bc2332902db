package dev.nexuschat.realtime.connection;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What one socket still has to be sent, written by one asynchronous send at a time. Two kinds of
 * frames share one order:
 *
 * <ul>
 *   <li>history (messages, acks, membership changes): every one counts against the frame bound, and
 *       its UTF-8 size against the byte bound; one more than either and {@link #offer} says the
 *       reader is too slow;
 *   <li>state (presence, typing), under a key: a newer frame with the same key replaces the pending
 *       one and goes to the back, behind everything queued meanwhile. So what the client shows last
 *       is the newest state, in the order it happened relative to the history around it, and a
 *       connect storm of a thousand {@code user_online}s costs the reader one entry per user, never
 *       a close. Nor do they count toward the byte bound: coalescing bounds them (one per user, one
 *       per typist and room).
 * </ul>
 *
 * <p>A {@link LinkedHashMap} in insertion order is the queue: history frames under a key of their
 * own, state frames under theirs, so replacing is remove + put (both O(1)).
 *
 * <p>Nothing is written before {@link #start}: its frame ({@code ready}) is the socket's first, and
 * what was queued meanwhile follows it. Every frame after it gets the connection's next {@code seq}
 * (1, 2, ...) as it is written, not as it is queued: a state frame replaced in the queue takes no
 * number, so a client that sees a hole knows a frame was lost.
 */
final class Outbox implements SendHandler {
  private final RemoteEndpoint.Async remote;
  private final int capacity;
  private final long capacityBytes;
  private final Consumer<Throwable> writeFailed;
  private final LinkedHashMap<Object, String> pending = new LinkedHashMap<>();
  private int historyFrames;
  private long historyBytes;
  private boolean started;
  private boolean sending;
  private boolean closed;
  private long seq;
  private Thread writingThread;
  private boolean completedHere;

  /** {@code writeFailed} hears, once, of the write that failed; nothing is written after it. */
  Outbox(
      RemoteEndpoint.Async remote, Connection.QueueBounds bounds, Consumer<Throwable> writeFailed) {
    this.remote = remote;
    this.capacity = bounds.frames();
    this.capacityBytes = bounds.bytes();
    this.writeFailed = writeFailed;
  }

  /**
   * Writes {@code firstFrame} as it is (no {@code seq}), then whatever was queued before it; once.
   */
  void start(String firstFrame) {
    synchronized (this) {
      if (started || closed) {
        return;
      }
      started = true;
      sending = true;
    }
    writeFrom(firstFrame);
  }

  /**
   * Queues a history frame. False, once, when it does not fit: the reader fell a whole queue
   * behind, and from then on the outbox is closed.
   */
  boolean offer(String frame) {
    String now;
    synchronized (this) {
      if (closed) {
        return true;
      }
      now = idleTakes(frame);
      if (now == null) {
        long bytes = utf8Length(frame);
        if (historyFrames >= capacity || historyBytes + bytes > capacityBytes) {
          close();
          return false;
        }
        historyFrames++;
        historyBytes += bytes;
        pending.put(new HistoryKey(bytes), frame);
      }
    }
    writeFrom(now);
    return true;
  }

  /** Queues a state frame in place of any pending one with the same {@code key}. */
  void offerState(StateKey key, String frame) {
    String now;
    synchronized (this) {
      if (closed) {
        return;
      }
      now = idleTakes(frame);
      if (now == null) {
        pending.remove(key);
        pending.put(key, frame);
      }
    }
    writeFrom(now);
  }

  /**
   * With nothing queued and nothing in flight, {@code frame} is written at once, without a trip
   * through the queue (the usual case: a reader that keeps up). Under the lock.
   */
  private String idleTakes(String frame) {
    if (!started || sending || !pending.isEmpty()) {
      return null;
    }
    sending = true;
    return numbered(frame);
  }

  /**
   * {@code frame} with the connection's next {@code seq} as its last member: {@code
   * {"event":...,"data":...,"seq":7}}. Under the lock, as the frame is taken for writing.
   */
  private String numbered(String frame) {
    int end = frame.length() - 1;
    return frame.substring(0, end) + ",\"seq\":" + ++seq + frame.charAt(end);
  }

  /** Drops everything pending and takes nothing more. */
  synchronized void close() {
    closed = true;
    pending.clear();
    historyFrames = 0;
    historyBytes = 0;
  }

  /**
   * Starts the next write unless one is in flight. A write the container completes at once, on this
   * thread, is followed by the next one in this loop rather than from its completion, so a long
   * queue does not become a deep stack.
   */
  private void drain() {
    writeFrom(takeNext());
  }

  /** Writes {@code next} (null: nothing to write) and whatever follows it, see {@link #drain}. */
  private void writeFrom(String next) {
    while (next != null) {
      synchronized (this) {
        writingThread = Thread.currentThread();
        completedHere = false;
      }
      try {
        // One handler for every write of this socket (this), not a lambda per frame.
        remote.sendText(next, this);
      } catch (RuntimeException e) {
        failed(e);
        return;
      }
      synchronized (this) {
        writingThread = null;
        if (!completedHere) {
          return; // the completion comes later, on another thread, and drains from there
        }
      }
      next = takeNext();
    }
  }

  private synchronized String takeNext() {
    if (!started || sending || closed || pending.isEmpty()) {
      return null;
    }
    Iterator<Map.Entry<Object, String>> head = pending.entrySet().iterator();
    Map.Entry<Object, String> entry = head.next();
    head.remove();
    if (entry.getKey() instanceof HistoryKey history) {
      historyFrames--;
      historyBytes -= history.bytes();
    }
    sending = true;
    return numbered(entry.getValue());
  }

  @Override
  public void onResult(SendResult result) {
    if (!result.isOK()) {
      failed(result.getException());
      return;
    }
    synchronized (this) {
      sending = false;
      if (writingThread == Thread.currentThread()) {
        completedHere = true;
        return;
      }
    }
    drain();
  }

  /** A write failed: stop writing, and tell the connection (once) what happened. */
  private void failed(Throwable failure) {
    synchronized (this) {
      sending = false;
      writingThread = null;
      if (closed) {
        return;
      }
      close();
    }
    writeFailed.accept(failure);
  }

  /** What a frame takes on the wire, without encoding it. */
  static long utf8Length(String text) {
    long bytes = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        // 2 bytes up to U+07FF, else 3; a surrogate pair is 4 (2 + 2 for its two halves)
        bytes += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2;
      }
    }
    return bytes;
  }

  /**
   * The key of a history frame: its own identity (never replaced), with its size. A class, not a
   * record: two frames of one size are still two entries.
   */
  private static final class HistoryKey {
    private final long bytes;

    HistoryKey(long bytes) {
      this.bytes = bytes;
    }

    long bytes() {
      return bytes;
    }
  }
}

package dev.nexuschat.realtime.connection;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session whose async sends wait until the test completes them, recording closes. Its connections
 * are started: their {@code ready} is written and forgotten, and {@link #sent} holds the frames
 * after it without their {@code seq}, which {@link #seqs} holds.
 */
public final class FakeSession {
  private static final Pattern SEQ = Pattern.compile(",\"seq\":(\\d+)(.)$", Pattern.DOTALL);
  public static final String READY = "{\"event\":\"ready\"}";

  public final List<String> sent = new ArrayList<>();
  public final List<Long> seqs = new ArrayList<>();
  public List<String> rawWrites = new ArrayList<>();
  public final List<SendHandler> pending = new ArrayList<>();
  public final List<CloseReason> closes = new ArrayList<>();
  public final List<Runnable> closerTasks = new ArrayList<>();
  public int tooSlowCloses;
  public int pings;
  public boolean completeAtOnce;

  /** Completes the write in flight; the connection starts its next one, if any. */
  public void completeNext() {
    pending.get(pending.size() - 1).onResult(new SendResult());
  }

  /** Completes writes until the outbox is empty. */
  public void completeAll() {
    int completed = 0;
    while (completed < pending.size()) {
      pending.get(completed++).onResult(new SendResult());
    }
  }

  public Session session() {
    RemoteEndpoint.Async async =
        (RemoteEndpoint.Async)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("sendText") && args.length == 2) {
                    written((String) args[0]);
                    if (completeAtOnce) {
                      ((SendHandler) args[1]).onResult(new SendResult());
                    } else {
                      pending.add((SendHandler) args[1]);
                    }
                    return null;
                  }
                  if (method.getName().equals("sendPing")) {
                    pings++;
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return (Session)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Session.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getAsyncRemote":
                  return async;
                case "isOpen":
                  return closes.isEmpty();
                case "close":
                  closes.add((CloseReason) args[0]);
                  return null;
                case "getId":
                  return "s1";
                default:
                  throw new UnsupportedOperationException(method.getName());
              }
            });
  }

  private void written(String text) {
    rawWrites.add(text);
    if (text.equals(READY)) {
      return;
    }
    Matcher numbered = SEQ.matcher(text);
    if (numbered.find()) {
      seqs.add(Long.parseLong(numbered.group(1)));
      sent.add(text.substring(0, numbered.start()) + numbered.group(2));
    } else {
      sent.add(text);
    }
  }

  public Connection connection(int queueCapacity) {
    return connection(queueCapacity, Long.MAX_VALUE);
  }

  public Connection connection(int queueCapacity, long queueBytes) {
    Connection connection = unstarted(queueCapacity, queueBytes);
    connection.start(READY);
    if (!completeAtOnce) {
      completeNext();
      pending.clear();
    }
    return connection;
  }

  /** A connection whose {@code ready} has not been written: it holds every frame. */
  public Connection unstarted(int queueCapacity, long queueBytes) {
    return new Connection(
        session(),
        UUID.randomUUID(),
        "ann",
        Instant.MAX,
        new Connection.QueueBounds(queueCapacity, queueBytes),
        closerTasks::add,
        () -> tooSlowCloses++);
  }
}

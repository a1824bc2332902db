package dev.nexuschat.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A test client of {@code /ws} on the JDK WebSocket. Keeps every frame it received, so a test can
 * wait (with a timeout, never a sleep) for the frame it expects and later check what else came.
 * Checks the stream as a client should: {@code ready} first, then {@code seq} 1, 2, 3...; any other
 * number fails every wait that follows, so every test that uses a socket checks it.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(15);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicInteger REFS = new AtomicInteger();

  private final List<JsonObject> frames = new ArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private int pingsReceived;
  private long lastSeq = -1;
  private String streamBroken;
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private WebSocket socket;

  private WsClient() {}

  /** Connects as {@code user} with the browser form of authentication (subprotocol). */
  public static WsClient connect(TestUser user) {
    return connect(NexusServer.node().baseUrl(), user.accessToken());
  }

  /**
   * Connects and waits for {@code ready}: everything committed from then on reaches this client.
   */
  public static WsClient connect(String baseUrl, String token) {
    WsClient client = open(URI.create(wsUrl(baseUrl)), Map.of(), "bearer", token);
    client.ready();
    return client;
  }

  /** The socket's {@code ready} frame, waiting for it. */
  public JsonObject ready() {
    return await(f -> "ready".equals(f.getString("event")));
  }

  public static WsClient open(URI uri, Map<String, String> headers, String... subprotocols) {
    WsClient client = new WsClient();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    if (subprotocols.length > 0) {
      builder.subprotocols(
          subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    try {
      client.socket = builder.buildAsync(uri, client).get(20, TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot connect to " + uri, e);
    }
    return client;
  }

  /** The HTTP status of a handshake attempt: 101 when it upgraded. */
  public static int handshakeStatus(URI uri, Map<String, String> headers, String... subprotocols) {
    try {
      open(uri, headers, subprotocols).close();
      return 101;
    } catch (IllegalStateException e) {
      Throwable cause = e.getCause();
      while (cause != null && !(cause instanceof WebSocketHandshakeException)) {
        cause = cause.getCause();
      }
      if (cause instanceof WebSocketHandshakeException handshake) {
        return handshake.getResponse().statusCode();
      }
      throw e;
    }
  }

  public static String wsUrl(String baseUrl) {
    return baseUrl.replaceFirst("^http", "ws") + "/ws";
  }

  public static String nextRef() {
    return "r" + REFS.incrementAndGet();
  }

  public String subprotocol() {
    return socket.getSubprotocol();
  }

  public void sendRaw(String text) {
    socket.sendText(text, true).join();
  }

  /** Sends {@code {"event", "data", "ref"}} and returns the ref. */
  public String send(String event, String dataJson) {
    String ref = nextRef();
    sendRaw("{\"event\":\"" + event + "\",\"ref\":\"" + ref + "\",\"data\":" + dataJson + "}");
    return ref;
  }

  /** The reply (ack or error) to the frame with {@code ref}. */
  public JsonObject reply(String ref) {
    return await(f -> ref.equals(f.getString("ref", null)));
  }

  public JsonObject await(String event, Predicate<JsonObject> data) {
    return await(f -> event.equals(f.getString("event")) && data.test(f.getJsonObject("data")));
  }

  public JsonObject await(Predicate<JsonObject> frame) {
    return awaitAll(frame, 1).get(0);
  }

  /** Waits until {@code count} frames match; returns them in arrival order. */
  public List<JsonObject> awaitAll(Predicate<JsonObject> frame, int count) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (frames) {
      while (true) {
        if (streamBroken != null) {
          throw new AssertionError(streamBroken);
        }
        List<JsonObject> matching = frames.stream().filter(frame).toList();
        if (matching.size() >= count) {
          return matching;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "Expected "
                  + count
                  + " matching frames, got "
                  + matching.size()
                  + "; all frames: "
                  + frames);
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(frames, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  /** Waits until the server has pinged this client {@code count} times. */
  public void awaitPings(int count) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (frames) {
      while (pingsReceived < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("Expected " + count + " pings, got " + pingsReceived);
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(frames, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  /** The first frame that matches, waiting at most {@code timeout}; empty if none came. */
  public java.util.Optional<JsonObject> awaitWithin(Predicate<JsonObject> frame, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (frames) {
      while (true) {
        if (streamBroken != null) {
          throw new AssertionError(streamBroken);
        }
        java.util.Optional<JsonObject> first = frames.stream().filter(frame).findFirst();
        long left = deadline - System.nanoTime();
        if (first.isPresent() || left <= 0) {
          return first;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(frames, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  public List<JsonObject> received(Predicate<JsonObject> frame) {
    synchronized (frames) {
      if (streamBroken != null) {
        throw new AssertionError(streamBroken);
      }
      return frames.stream().filter(frame).toList();
    }
  }

  /** The close code the server sent, waiting for it. */
  public int awaitClose() {
    try {
      return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("The server did not close the socket", e);
    }
  }

  public int awaitClose(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("The server did not close the socket", e);
    }
  }

  public boolean isOpen() {
    return !closed.isDone() && !socket.isInputClosed();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      JsonObject frame = Json.createReader(new StringReader(partial.toString())).readObject();
      partial.setLength(0);
      synchronized (frames) {
        checkOrder(frame);
        frames.add(frame);
        frames.notifyAll();
      }
    }
    webSocket.request(1);
    return null;
  }

  /** {@code ready} first and without a number, then every frame numbered one more than the last. */
  private void checkOrder(JsonObject frame) {
    if (streamBroken != null) {
      return;
    }
    boolean ready = "ready".equals(frame.getString("event", null));
    if (lastSeq < 0) {
      if (!ready || frame.containsKey("seq")) {
        streamBroken = "The first frame is not a ready without seq: " + frame;
      }
      lastSeq = 0;
      return;
    }
    long seq = frame.containsKey("seq") ? frame.getJsonNumber("seq").longValue() : -1;
    if (ready || seq != lastSeq + 1) {
      streamBroken = "Frame after seq " + lastSeq + " is out of order: " + frame;
    }
    lastSeq = seq;
  }

  /** The JDK client answers every ping with a pong by itself; this only counts them. */
  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    synchronized (frames) {
      pingsReceived++;
      frames.notifyAll();
    }
    return WebSocket.Listener.super.onPing(webSocket, message);
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      try {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).join();
      } catch (CompletionException ignored) {
        socket.abort();
      }
    }
  }
}

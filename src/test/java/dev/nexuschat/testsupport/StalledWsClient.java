package dev.nexuschat.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code /ws} client that does nothing behind the test's back: unlike a real client it neither
 * reads frames nor answers pings until the test asks it to, so it plays a stalled reader or a dead
 * peer. Its receive buffer is tiny, so the server's writes back up after a few kilobytes.
 */
public final class StalledWsClient implements AutoCloseable {
  /** What {@link #readUntilClose} reports when the stream ended without a close frame. */
  public static final int NO_CLOSE_FRAME = 1006;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private static final Pattern SEQ = Pattern.compile(",\"seq\":(\\d+)}$");

  private int textFramesRead;
  private long lastSeq = -1;
  private String streamProblem;

  private StalledWsClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /**
   * Upgrades with the bearer subprotocol, then reads until the ack of a {@code ping} event, so the
   * server has registered the connection; from then on it reads nothing.
   */
  public static StalledWsClient connect(String baseUrl, String token) {
    URI uri = URI.create(baseUrl);
    try {
      Socket socket = new Socket();
      socket.setReceiveBufferSize(2048);
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
      StalledWsClient client = new StalledWsClient(socket);
      client.upgrade(uri, token);
      client.sendText("{\"event\":\"ping\",\"ref\":\"stalled-hello\",\"data\":{}}");
      socket.setSoTimeout((int) WsClient.WAIT.toMillis());
      while (!client.readFrame().text().contains("stalled-hello")) {
        // frames sent before the ack (presence of others) are of no interest
      }
      return client;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot connect to " + uri, e);
    }
  }

  private void upgrade(URI uri, String token) throws IOException {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    String request =
        "GET /ws HTTP/1.1\r\n"
            + "Host: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Protocol: bearer, "
            + token
            + "\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    socket.setSoTimeout(20_000);
    String status = readHeaderLine();
    if (!status.startsWith("HTTP/1.1 101")) {
      throw new IOException("Upgrade refused: " + status);
    }
    while (!readHeaderLine().isEmpty()) {
      // skip the response headers
    }
  }

  private String readHeaderLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new EOFException("Connection closed during the upgrade");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  /**
   * Sends a text frame (masked, as clients must). Writing needs no reading, so a stalled client
   * can.
   */
  public void sendText(String text) throws IOException {
    writeFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  /** An unsolicited pong: a heartbeat that keeps the connection from counting as silent. */
  public void sendPong() throws IOException {
    writeFrame(0xA, new byte[0]);
  }

  private void writeFrame(int opcode, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x80 | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xFF);
    }
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    synchronized (out) {
      out.write(frame.toByteArray());
      out.flush();
    }
  }

  /**
   * Starts reading at last: drains everything the server managed to send and returns the code of
   * its close frame, or {@link #NO_CLOSE_FRAME} if the stream ended (or stayed silent for {@code
   * patience}) without one.
   */
  public int readUntilClose(Duration patience) throws IOException {
    socket.setSoTimeout((int) patience.toMillis());
    try {
      while (true) {
        Frame frame = readFrame();
        if (frame.opcode() == 0x8) {
          return frame.payload().length >= 2
              ? ((frame.payload()[0] & 0xFF) << 8) | (frame.payload()[1] & 0xFF)
              : NO_CLOSE_FRAME;
        }
      }
    } catch (IOException endedTimedOutOrReset) {
      return NO_CLOSE_FRAME;
    }
  }

  /**
   * Starts reading at last: the text frames up to and including the first that {@code last}
   * accepts; fails on a close frame or when none comes within {@code patience} (pings do not extend
   * it).
   */
  public List<String> readTextUntil(Predicate<String> last, Duration patience) throws IOException {
    socket.setSoTimeout((int) patience.toMillis());
    long deadline = System.nanoTime() + patience.toNanos();
    List<String> texts = new ArrayList<>();
    while (true) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "No awaited frame within " + patience + " after " + texts.size() + " text frames");
      }
      Frame frame = readFrame();
      if (frame.opcode() == 0x8) {
        throw new IllegalStateException(
            "Closed after " + texts.size() + " frames: " + frame.text());
      }
      if (frame.opcode() == 0x1) {
        texts.add(frame.text());
        if (last.test(frame.text())) {
          return texts;
        }
      }
    }
  }

  /** Text frames read so far (the hello ack included). */
  public int textFramesRead() {
    return textFramesRead;
  }

  private record Frame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private Frame readFrame() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    int opcode = first & 0x0F;
    Frame frame = new Frame(opcode, payload);
    if (opcode == 0x1) {
      textFramesRead++;
      checkOrder(frame.text());
    }
    return frame;
  }

  /** {@code ready} first and without a number, then 1, 2, 3... (see {@link #streamProblem}). */
  private void checkOrder(String text) {
    Matcher numbered = SEQ.matcher(text);
    long seq = numbered.find() ? Long.parseLong(numbered.group(1)) : -1;
    if (streamProblem == null) {
      if (lastSeq < 0 && (seq >= 0 || !text.startsWith("{\"event\":\"ready\""))) {
        streamProblem = "The first frame is not a ready without seq: " + text;
      } else if (lastSeq >= 0 && seq != lastSeq + 1) {
        streamProblem = "Frame after seq " + lastSeq + " is out of order: " + text;
      }
    }
    lastSeq = Math.max(0, seq);
  }

  /** What was wrong with the order of the frames read so far; null when nothing. */
  public String streamProblem() {
    return streamProblem;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}

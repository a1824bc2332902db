package dev.nexuschat.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to a real server that can be told to stall: from then on it still accepts connections
 * and reads what clients send, but nothing reaches the server and nothing comes back. A server that
 * is up but never answers, which a refused connection does not show.
 */
public final class StallingTcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean stalled;

  private StallingTcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "stalling-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  public static StallingTcpProxy to(String host, int port) {
    try {
      return new StallingTcpProxy(host, port);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot listen for the proxy", e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Stops relaying, in both directions, on open connections and new ones. */
  public void stall() {
    stalled = true;
  }

  /**
   * Relays new connections again. The ones open during the stall stay useless (what was dropped
   * broke them): clients time out on them and open new ones.
   */
  public void resume() {
    stalled = false;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        sockets.add(client);
        Socket server = null;
        if (!stalled) {
          server = new Socket(targetHost, targetPort);
          sockets.add(server);
          relay(server.getInputStream(), client.getOutputStream());
        }
        relay(client.getInputStream(), server == null ? null : server.getOutputStream());
      } catch (IOException closedOrRefused) {
        // closed: the loop ends; refused: that client sees its connection go nowhere
      }
    }
  }

  private void relay(InputStream from, OutputStream to) {
    Thread relay =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                for (int n; (n = from.read(buffer)) >= 0; ) {
                  if (!stalled && to != null) {
                    to.write(buffer, 0, n);
                    to.flush();
                  }
                }
              } catch (IOException closed) {
                // either side went away
              }
            },
            "stalling-proxy-relay");
    relay.setDaemon(true);
    relay.start();
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}

package dev.nexuschat.realtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConnectionTest {
  /** A session whose async sends wait until the test completes them, recording closes. */
  static final class FakeSession {
    final List<String> sent = new ArrayList<>();
    final List<SendHandler> pending = new ArrayList<>();
    final List<CloseReason> closes = new ArrayList<>();
    final List<Runnable> closerTasks = new ArrayList<>();
    int tooSlowCloses;

    Session session() {
      RemoteEndpoint.Async async =
          (RemoteEndpoint.Async)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {RemoteEndpoint.Async.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                      sent.add((String) args[0]);
                      pending.add((SendHandler) args[1]);
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

    Connection connection(int queueCapacity) {
      return new Connection(
          session(),
          UUID.randomUUID(),
          "ann",
          Instant.MAX,
          queueCapacity,
          closerTasks::add,
          () -> tooSlowCloses++);
    }
  }

  @Test
  void readerThatFallsAWholeQueueBehindIsClosedWith1008OffTheFanOutThread() throws IOException {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(2);

    connection.send("f1"); // in flight, never completed: the reader does not read
    connection.send("f2");
    connection.send("f3");
    connection.send("f4"); // the queue (2) is full

    assertThat(fake.closes).as("not closed on the thread that fans out").isEmpty();
    assertThat(fake.closerTasks).hasSize(1);
    assertThat(fake.tooSlowCloses).as("counted once").isEqualTo(1);
    connection.send("f5");
    assertThat(fake.sent).as("nothing more is written").containsExactly("f1");

    fake.closerTasks.get(0).run();
    assertThat(fake.closes)
        .singleElement()
        .satisfies(
            reason ->
                assertThat(reason.getCloseCode())
                    .isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY));
  }

  @Test
  void failedWriteStopsQueueingWithoutClosingOnTheIoThread() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(8);

    connection.send("f1");
    connection.send("f2");
    fake.pending.get(0).onResult(new SendResult(new IOException("Broken pipe")));
    connection.send("f3");

    assertThat(fake.closes).isEmpty();
    assertThat(fake.closerTasks).isEmpty();
    assertThat(fake.tooSlowCloses).isZero();
    assertThat(fake.sent).containsExactly("f1");
  }

  @Test
  void framesGoOutOneAtATimeInOrder() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(8);

    connection.send("f1");
    connection.send("f2");
    assertThat(fake.sent).containsExactly("f1");
    fake.pending.get(0).onResult(new SendResult());
    assertThat(fake.sent).containsExactly("f1", "f2");
  }
}

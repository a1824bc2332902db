package dev.nexuschat.realtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.websocket.CloseReason;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keep-alive decides on the scheduler thread and leaves every write to the executor. */
class ConnectionTimersTest {
  private final List<Runnable> executorTasks = new ArrayList<>();
  private final List<FakeSession> sessions = new ArrayList<>();
  private final List<Connection> connections = new ArrayList<>();
  private final ConnectionTimers timers = new ConnectionTimers();

  ConnectionTimersTest() {
    timers.executor =
        (ManagedExecutorService)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("execute")) {
                    executorTasks.add((Runnable) args[0]);
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    // Every socket is due for a ping at once, and silent as soon as it was pinged.
    timers.pingSeconds = 0;
    timers.idleTimeoutSeconds = 0;
    for (int i = 0; i < 1000; i++) {
      FakeSession session = new FakeSession();
      sessions.add(session);
      connections.add(session.connection(8));
    }
  }

  private void keepAlive() {
    timers.keepAlive(connections);
  }

  private int pingsSent() {
    return sessions.stream().mapToInt(s -> s.pings).sum();
  }

  private int closes() {
    return sessions.stream().mapToInt(s -> s.closes.size()).sum();
  }

  @Test
  void pingsGoOutInBatchesOnTheExecutorAndEachSocketIsPingedOncePerRound() {
    keepAlive();

    assertThat(pingsSent()).as("no ping written on the scheduler thread").isZero();
    assertThat(executorTasks).hasSize(1000 / ConnectionTimers.PING_BATCH);
    keepAlive();
    assertThat(executorTasks).as("a ping not yet sent is not due again").hasSize(5);

    executorTasks.forEach(Runnable::run);
    assertThat(pingsSent()).isEqualTo(1000);
    assertThat(closes()).isZero();
  }

  @Test
  void silentSocketsAreClosedEachOnAnExecutorTaskNotOnTheSchedulerThread() {
    keepAlive();
    executorTasks.forEach(Runnable::run);
    executorTasks.clear();

    keepAlive(); // pinged and not heard since: silent

    assertThat(closes()).as("no close on the scheduler thread").isZero();
    assertThat(executorTasks).hasSize(1000);
    executorTasks.forEach(Runnable::run);
    assertThat(sessions)
        .allSatisfy(
            s ->
                assertThat(s.closes)
                    .singleElement()
                    .satisfies(
                        reason ->
                            assertThat(reason.getCloseCode())
                                .isEqualTo(CloseReason.CloseCodes.GOING_AWAY)));
  }

  @Test
  void aSocketThatWasNeverPingedIsNotSilentHoweverLateTheKeepAliveRuns() {
    keepAlive(); // pings queued, not yet sent: the executor is behind

    keepAlive();

    assertThat(executorTasks).as("only the 5 ping batches, no closes").hasSize(5);
  }
}

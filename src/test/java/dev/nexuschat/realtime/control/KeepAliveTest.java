package dev.nexuschat.realtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.room.control.MemberRooms;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.websocket.CloseReason;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The keep-alive decides on the scheduler thread and leaves every write to the executor. */
class KeepAliveTest {
  private final List<Runnable> executorTasks = new ArrayList<>();
  private final List<ConnectionTest.FakeSession> sessions = new ArrayList<>();
  private final RealtimeLifecycle lifecycle = new RealtimeLifecycle();

  KeepAliveTest() {
    LocalConnections local = new LocalConnections();
    local.channels = new FanOutChannels();
    local.orders = new RoomOrders();
    // No rooms: the keep-alive does not care, and this test needs no database.
    local.memberships =
        new MemberRooms() {
          @Override
          public List<UUID> roomIdsOf(UUID userId) {
            return List.of();
          }
        };
    lifecycle.local = local;
    lifecycle.executor =
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
    lifecycle.pingSeconds = 0;
    lifecycle.idleTimeoutSeconds = 0;
    for (int i = 0; i < 1000; i++) {
      ConnectionTest.FakeSession session = new ConnectionTest.FakeSession();
      sessions.add(session);
      local.register(session.connection(8));
    }
  }

  private int pingsSent() {
    return sessions.stream().mapToInt(s -> s.pings).sum();
  }

  private int closes() {
    return sessions.stream().mapToInt(s -> s.closes.size()).sum();
  }

  @Test
  void pingsGoOutInBatchesOnTheExecutorAndEachSocketIsPingedOncePerRound() {
    lifecycle.keepAlive();

    assertThat(pingsSent()).as("no ping written on the scheduler thread").isZero();
    assertThat(executorTasks).hasSize(1000 / RealtimeLifecycle.PING_BATCH);
    lifecycle.keepAlive();
    assertThat(executorTasks).as("a ping not yet sent is not due again").hasSize(5);

    executorTasks.forEach(Runnable::run);
    assertThat(pingsSent()).isEqualTo(1000);
    assertThat(closes()).isZero();
  }

  @Test
  void silentSocketsAreClosedEachOnAnExecutorTaskNotOnTheSchedulerThread() {
    lifecycle.keepAlive();
    executorTasks.forEach(Runnable::run);
    executorTasks.clear();

    lifecycle.keepAlive(); // pinged and not heard since: silent

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
    lifecycle.keepAlive(); // pings queued, not yet sent: the executor is behind

    lifecycle.keepAlive();

    assertThat(executorTasks).as("only the 5 ping batches, no closes").hasSize(5);
  }
}

package dev.nexuschat.room.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A group-commit lane's hand-off: every queued send gets an answer, also around a stop. */
class GroupCommitLaneTest {

  @Test
  void aSendQueuedWhileTheLaneStopsIsHandedBackToAppendAlone() {
    AtomicReference<GroupCommitAppend.Lane> lane = new AtomicReference<>();
    // The stop (and the committer's last drain) lands between the sender's stop check and its
    // offer: the window that left such a send waiting for its 30 s timeout.
    BlockingQueue<GroupCommitAppend.Queued> queue =
        new ArrayBlockingQueue<>(10) {
          @Override
          public boolean offer(GroupCommitAppend.Queued queued) {
            lane.get().stop();
            lane.get().commitUntilStopped(); // returns at once: stopped, drains what is queued
            return super.offer(queued);
          }
        };
    lane.set(new GroupCommitAppend.Lane(queue, batch -> {}));
    GroupCommitAppend.Queued send = queued();

    assertThat(lane.get().enqueue(send)).isFalse();
    assertThat(queue).isEmpty();
  }

  @Test
  void sendsStillQueuedAtTheStopAreAnsweredAppendAlone() throws Exception {
    GroupCommitAppend.Lane lane =
        new GroupCommitAppend.Lane(new ArrayBlockingQueue<>(10), batch -> {});
    GroupCommitAppend.Queued first = queued();
    GroupCommitAppend.Queued second = queued();
    assertThat(lane.enqueue(first)).isTrue();
    assertThat(lane.enqueue(second)).isTrue();

    lane.stop();
    lane.commitUntilStopped();

    assertThat(causeOf(first)).isInstanceOf(GroupCommitAppend.RolledBack.class);
    assertThat(causeOf(second)).isInstanceOf(GroupCommitAppend.RolledBack.class);
    assertThat(lane.enqueue(queued())).isFalse();
  }

  @Test
  void theCommitterTakesEverythingQueuedSinceItsLastCommitAsOneBatch() throws Exception {
    List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    BlockingQueue<GroupCommitAppend.Queued> queue = new ArrayBlockingQueue<>(10);
    GroupCommitAppend.Lane lane =
        new GroupCommitAppend.Lane(
            queue,
            batch -> {
              batchSizes.add(batch.size());
              batch.forEach(queued -> queued.answer().complete(Map.of()));
            });
    List<GroupCommitAppend.Queued> sends = List.of(queued(), queued(), queued());
    sends.forEach(send -> assertThat(lane.enqueue(send)).isTrue());

    Thread committer = new Thread(lane::commitUntilStopped);
    lane.start(committer);
    for (GroupCommitAppend.Queued send : sends) {
      send.answer().get(5, TimeUnit.SECONDS);
    }
    lane.stop();
    committer.join(5_000);

    assertThat(batchSizes).containsExactly(3);
    assertThat(committer.isAlive()).isFalse();
  }

  private static Throwable causeOf(GroupCommitAppend.Queued queued) throws Exception {
    try {
      queued.answer().get(1, TimeUnit.SECONDS);
      throw new AssertionError("answered without a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  private static GroupCommitAppend.Queued queued() {
    RoomTimeline.Entry entry =
        new RoomTimeline.Entry(UUID.randomUUID(), "hello", "text", null, null);
    return new GroupCommitAppend.Queued(
        new StatementAppend.Request(UUID.randomUUID(), UUID.randomUUID(), entry),
        new CompletableFuture<>());
  }
}

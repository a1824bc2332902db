package dev.nexuschat.presence.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeaseStepsTest {
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aUsersStepsRunInTheOrderTheyWereAskedFor() throws Exception {
    LeaseSteps steps = new LeaseSteps(executor);
    UUID user = UUID.randomUUID();
    List<Integer> ran = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(200);
    for (int n = 0; n < 200; n++) {
      int step = n;
      steps.then(
          user,
          () -> {
            ran.add(step);
            done.countDown();
          });
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).isSorted().hasSize(200);
  }

  @Test
  void aStuckStepHoldsUpOnlyItsOwnUserAndNeverTheCaller() throws Exception {
    LeaseSteps steps = new LeaseSteps(executor);
    UUID stuckUser = UUID.randomUUID();
    CountDownLatch redisAnswers = new CountDownLatch(1);
    CountDownLatch otherRan = new CountDownLatch(1);
    CountDownLatch nextRan = new CountDownLatch(1);
    List<String> ran = new CopyOnWriteArrayList<>();
    long started = System.nanoTime();
    steps.then(stuckUser, () -> await(redisAnswers));
    steps.then(
        stuckUser,
        () -> {
          ran.add("stuck user's next step");
          nextRan.countDown();
        });
    steps.then(UUID.randomUUID(), otherRan::countDown);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1000);
    assertThat(otherRan.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).isEmpty();
    redisAnswers.countDown();
    assertThat(nextRan.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).containsExactly("stuck user's next step");
  }

  @Test
  void aFailedStepDoesNotStopTheNextOne() throws Exception {
    LeaseSteps steps = new LeaseSteps(executor);
    UUID user = UUID.randomUUID();
    CountDownLatch next = new CountDownLatch(1);
    steps.then(
        user,
        () -> {
          throw new IllegalStateException("Redis said no");
        });
    steps.then(user, next::countDown);
    assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aStepThatDoesNotFitTheQueueIsDroppedAndTheNextOneStillRuns() throws Exception {
    CountDownLatch next = new CountDownLatch(1);
    boolean[] refuseOnce = {true};
    LeaseSteps steps =
        new LeaseSteps(
            task -> {
              if (refuseOnce[0]) {
                refuseOnce[0] = false;
                throw new RejectedExecutionException("queue full");
              }
              executor.execute(task);
            });
    UUID user = UUID.randomUUID();
    List<String> ran = new CopyOnWriteArrayList<>();
    steps.then(user, () -> ran.add("dropped"));
    steps.then(user, next::countDown);
    assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).isEmpty();
  }

  @Test
  void stepsOnTheirOwnThreadsRunOffTheCallersThread() throws Exception {
    try (LeaseSteps steps = LeaseSteps.onThreadsOf(Thread::new)) {
      CountDownLatch ran = new CountDownLatch(1);
      Thread caller = Thread.currentThread();
      Thread[] runner = new Thread[1];
      steps.then(
          UUID.randomUUID(),
          () -> {
            runner[0] = Thread.currentThread();
            ran.countDown();
          });
      assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(runner[0]).isNotSameAs(caller);
    }
  }
}

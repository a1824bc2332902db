package dev.nexuschat.presence.control;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs each user's lease steps (take, release) one after another in the order they were asked for,
 * on {@code executor}, without making the asking thread wait. Different users' steps run in
 * parallel, so one slow Redis call holds up only the steps of its own user.
 */
final class LeaseSteps implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LeaseSteps.class.getName());
  static final int THREADS = 4;
  static final int QUEUED_AT_MOST = 10_000;

  private final Executor executor;
  private final ConcurrentHashMap<UUID, CompletableFuture<Void>> lastStep =
      new ConcurrentHashMap<>();

  LeaseSteps(Executor executor) {
    this.executor = executor;
  }

  /**
   * Steps on {@link #THREADS} threads of their own, at most {@link #QUEUED_AT_MOST} waiting: steps
   * blocked on a hung Redis must not hold the container's shared threads.
   */
  static LeaseSteps onThreadsOf(ThreadFactory threads) {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED_AT_MOST),
            threads);
    executor.allowCoreThreadTimeOut(true);
    return new LeaseSteps(executor);
  }

  @Override
  public void close() {
    if (executor instanceof ExecutorService service) {
      service.shutdownNow();
    }
  }

  /** Queues {@code step} behind the user's earlier steps. */
  void then(UUID userId, Runnable step) {
    CompletableFuture<Void> queued =
        lastStep.compute(
            userId,
            (id, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                    .thenRunAsync(step, executor)
                    .exceptionally(
                        failure -> {
                          // A full queue drops the step; the lease renewal repairs what it missed.
                          boolean dropped =
                              failure.getCause() instanceof RejectedExecutionException;
                          LOG.log(
                              dropped ? Level.FINE : Level.WARNING,
                              "Presence step " + (dropped ? "dropped" : "failed") + " for " + id,
                              failure);
                          return null;
                        }));
    // The map holds only unfinished chains: the last step forgets itself when nothing followed.
    queued.whenComplete((ignored, failure) -> lastStep.remove(userId, queued));
  }
}

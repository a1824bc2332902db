package dev.nexuschat.presence.control;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs each user's lease steps (take, release) one after another in the order they were asked for,
 * on {@code executor}, without making the asking thread wait. Different users' steps run in
 * parallel, so one slow Redis call holds up only the steps of its own user.
 */
final class LeaseSteps {
  private static final Logger LOG = Logger.getLogger(LeaseSteps.class.getName());

  private final Executor executor;
  private final ConcurrentHashMap<UUID, CompletableFuture<Void>> lastStep =
      new ConcurrentHashMap<>();

  LeaseSteps(Executor executor) {
    this.executor = executor;
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
                          LOG.log(Level.WARNING, "Presence step failed for " + id, failure);
                          return null;
                        }));
    // The map holds only unfinished chains: the last step forgets itself when nothing followed.
    queued.whenComplete((ignored, failure) -> lastStep.remove(userId, queued));
  }
}

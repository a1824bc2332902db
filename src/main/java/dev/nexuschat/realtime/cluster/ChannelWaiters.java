package dev.nexuschat.realtime.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Who waits for which channels to be heard (see {@link ChannelSubscriptions#whenHeard}). Not
 * thread-safe: used under {@link ChannelSubscriptions}' lock; what it releases is completed outside
 * it.
 */
final class ChannelWaiters {
  /**
   * Channels someone waits for; done when every one is heard, dropped, or the subscription ends.
   */
  static final class Waiter {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    int remaining;
  }

  private final Map<String, List<Waiter>> waiters = new HashMap<>();

  void await(String channel, Waiter waiter) {
    waiter.remaining++;
    waiters.computeIfAbsent(channel, c -> new ArrayList<>()).add(waiter);
  }

  /**
   * Counts {@code channel} done for its waiters; returns the ones with nothing left to wait for.
   */
  List<Waiter> release(String channel) {
    List<Waiter> done = new ArrayList<>();
    for (Waiter waiter : waiters.getOrDefault(channel, List.of())) {
      if (--waiter.remaining == 0) {
        done.add(waiter);
      }
    }
    waiters.remove(channel);
    return done;
  }

  /** Everyone, whatever they still waited for. */
  List<Waiter> releaseAll() {
    List<Waiter> done = new ArrayList<>();
    for (List<Waiter> waiting : waiters.values()) {
      done.addAll(waiting);
    }
    waiters.clear();
    return done;
  }

  /** Outside the lock: what waits on a future may run right here. */
  static void complete(List<Waiter> done) {
    done.forEach(waiter -> waiter.done.complete(null));
  }
}

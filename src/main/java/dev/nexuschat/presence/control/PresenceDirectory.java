package dev.nexuschat.presence.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is online: the one source for {@code is_online} in REST responses, and the online/offline
 * transitions behind the presence events. This node counts its own connections per user; across
 * nodes, a user is online while any node holds a live {@link PresenceLeases lease} on them. Without
 * Redis, the local counts alone.
 *
 * <p>A user whose last connection closes stays online for a grace period, so a page reload does not
 * flap them offline and back.
 *
 * <p>The counts change under this object's lock, which never waits for Redis: a Redis that stops
 * answering would otherwise hold up every socket that opens or closes on the node. Taking and
 * releasing a user's lease are queued per user instead ({@link LeaseSteps}), in the order the
 * counts decided them, and run on a few threads of their own: on the container's shared pool, steps
 * blocked on a hung Redis held up the threads that open sockets and answer requests. A step that
 * does not fit the bounded queue is dropped; the next renewal takes a lease found missing again,
 * and a lease never released expires and is reaped.
 */
@ApplicationScoped
public class PresenceDirectory {
  @Inject PresenceLeases leases;
  @Inject LeaseUpkeep upkeep;
  @Inject Event<UserCameOnline> cameOnline;
  @Inject Event<UserWentOffline> wentOffline;

  @Inject
  @ConfigProperty(name = "NEXUS_PRESENCE_GRACE_MS", defaultValue = "5000")
  long graceMillis;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threadFactory;

  private final Map<UUID, Integer> localConnections = new HashMap<>();
  private final Map<UUID, ScheduledFuture<?>> pendingOffline = new HashMap<>();
  private final Map<UUID, String> usernames = new ConcurrentHashMap<>();
  private final List<ScheduledFuture<?>> timers = new ArrayList<>();
  // Null without Redis: then a lease step does no I/O and runs at once, after the lock.
  private LeaseSteps steps;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (leases.isShared()) {
      steps = LeaseSteps.onThreadsOf(threadFactory);
      long renewEvery = Math.max(500, leases.ttlMillis() / 3);
      timers.add(
          scheduler.scheduleWithFixedDelay(
              this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS));
      long reapEvery = Math.min(2000, renewEvery);
      timers.add(
          scheduler.scheduleWithFixedDelay(
              this::reapExpiredLeases, reapEvery, reapEvery, TimeUnit.MILLISECONDS));
    }
  }

  @PreDestroy
  void stop() {
    timers.forEach(timer -> timer.cancel(false));
    if (steps != null) {
      steps.close();
    }
  }

  public boolean isOnline(UUID userId) {
    return onlineAmong(List.of(userId)).contains(userId);
  }

  public Set<UUID> onlineAmong(Collection<UUID> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    List<UUID> ids = new ArrayList<>(new HashSet<>(userIds));
    Optional<Set<UUID>> live = leases.liveAmong(ids);
    if (live.isPresent()) {
      return live.get();
    }
    Set<UUID> online = new HashSet<>();
    synchronized (this) {
      for (UUID id : ids) {
        if (localConnections.containsKey(id) || pendingOffline.containsKey(id)) {
          online.add(id);
        }
      }
    }
    return online;
  }

  /** A connection of {@code userId} opened on this node. */
  public void connectionOpened(UUID userId, String username) {
    usernames.put(userId, username);
    boolean first;
    synchronized (this) {
      int count = localConnections.merge(userId, 1, Integer::sum);
      ScheduledFuture<?> pending = pendingOffline.remove(userId);
      if (pending != null) {
        pending.cancel(false);
      }
      // Back within the grace period, or not the first connection here: nothing changed.
      first = count == 1 && pending == null;
      if (first && steps != null) {
        steps.then(userId, () -> takeLease(userId, username));
      }
    }
    if (first && steps == null) {
      takeLease(userId, username);
    }
  }

  /** A connection of {@code userId} closed on this node. */
  public void connectionClosed(UUID userId) {
    synchronized (this) {
      Integer left = localConnections.computeIfPresent(userId, (id, n) -> n <= 1 ? null : n - 1);
      if (left != null || pendingOffline.containsKey(userId)) {
        return;
      }
      try {
        pendingOffline.put(
            userId,
            scheduler.schedule(() -> graceOver(userId), graceMillis, TimeUnit.MILLISECONDS));
      } catch (RejectedExecutionException shuttingDown) {
        // The node is stopping: its leases run out and another node announces the user offline.
      }
    }
  }

  private void graceOver(UUID userId) {
    synchronized (this) {
      if (pendingOffline.remove(userId) == null || localConnections.containsKey(userId)) {
        return;
      }
      if (steps != null) {
        steps.then(userId, () -> releaseLease(userId));
        return;
      }
    }
    releaseLease(userId);
  }

  private void takeLease(UUID userId, String username) {
    if (!leases.takeAndCheckOthers(userId)) {
      cameOnline.fire(new UserCameOnline(userId, username));
    }
  }

  private void releaseLease(UUID userId) {
    if (!leases.releaseAndCheckOthers(userId)) {
      announceOffline(userId);
    }
  }

  /** Outside the lock: the user feature's observer writes {@code last_seen_at} on this thread. */
  private void announceOffline(UUID userId) {
    synchronized (this) {
      if (!localConnections.containsKey(userId)) {
        usernames.remove(userId);
      }
    }
    wentOffline.fire(new UserWentOffline(userId, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
  }

  /**
   * Renews from a snapshot, outside the lock: the renewal only extends leases that are still there,
   * so one that a queued release removed meanwhile stays removed. A lease found gone while its user
   * is still here is taken again, in turn with that user's other steps.
   */
  private void renewLeases() {
    Set<UUID> held;
    synchronized (this) {
      held = new HashSet<>(localConnections.keySet());
      held.addAll(pendingOffline.keySet());
    }
    List<UUID> gone = upkeep.renew(held);
    synchronized (this) {
      for (UUID userId : gone) {
        String username = usernames.get(userId);
        if (localConnections.containsKey(userId) && username != null) {
          steps.then(userId, () -> takeLease(userId, username));
        }
      }
    }
  }

  private void reapExpiredLeases() {
    upkeep.reapExpired().forEach(this::announceOffline);
  }
}

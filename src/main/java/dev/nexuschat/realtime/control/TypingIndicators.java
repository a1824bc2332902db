package dev.nexuschat.realtime.control;

import static dev.nexuschat.realtime.control.ServerEvents.json;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Who is typing where, on the node that holds the typist's socket. A typist who goes quiet for 3 s,
 * stops, or disconnects gets a {@code user_stop_typing} from the server; typing events never go
 * back to the typist's own connections.
 *
 * <p>While typing goes on, {@code user_typing} is repeated every second, and every node that hears
 * typing events ends, for its own connections, a typist it has not heard of for 5 s: so a typist
 * whose node crashed does not type forever on the others.
 */
@ApplicationScoped
public class TypingIndicators {
  static final Duration QUIET_LIMIT = Duration.ofSeconds(3);
  static final Duration REANNOUNCE_EVERY = Duration.ofSeconds(1);

  /** Longer than the typist's node needs to say stop itself (3 s quiet after the last repeat). */
  static final Duration UNHEARD_LIMIT = QUIET_LIMIT.plus(REANNOUNCE_EVERY).plusSeconds(1);

  @Inject EventBus bus;
  @Inject LocalConnections local;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private record Typist(UUID roomId, UUID userId) {}

  private record Typing(ScheduledFuture<?> quiet, long announcedNanos) {}

  private final Map<Typist, Typing> typing = new ConcurrentHashMap<>();

  /** Typists this node heard of from any node, with when it last did. */
  private final Map<Typist, Long> heardNanos = new ConcurrentHashMap<>();

  public void started(UUID roomId, UUID userId, String username) {
    Typist typist = new Typist(roomId, userId);
    ScheduledFuture<?> quiet =
        scheduler.schedule(() -> end(typist), QUIET_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    long now = System.nanoTime();
    Typing previous = typing.get(typist);
    boolean announce =
        previous == null || now - previous.announcedNanos() >= REANNOUNCE_EVERY.toNanos();
    previous = typing.put(typist, new Typing(quiet, announce ? now : previous.announcedNanos()));
    if (previous != null) {
      previous.quiet().cancel(false);
    }
    if (announce) {
      bus.publish(
          Broadcast.toRoom(
                  roomId,
                  ServerEvents.USER_TYPING,
                  json(new ServerEvents.Typing(userId, username, roomId)))
              .except(userId)
              .about(userId));
    }
  }

  public void stopped(UUID roomId, UUID userId) {
    end(new Typist(roomId, userId));
  }

  /** The user's socket closed: end their typing everywhere, unless it was not their last one. */
  public void disconnected(UUID userId, List<UUID> rooms) {
    rooms.forEach(room -> stopped(room, userId));
  }

  private void end(Typist typist) {
    Typing ended = typing.remove(typist);
    if (ended == null) {
      return;
    }
    ended.quiet().cancel(false);
    bus.publish(stopped(typist));
  }

  /** A typing event from whichever node reached this node through Redis. */
  void heard(Broadcast broadcast) {
    if (broadcast.roomIds().size() != 1 || broadcast.exceptUserId() == null) {
      return;
    }
    Typist typist = new Typist(broadcast.roomIds().get(0), broadcast.exceptUserId());
    if (ServerEvents.USER_TYPING.equals(broadcast.event())) {
      heardNanos.put(typist, System.nanoTime());
    } else if (ServerEvents.USER_STOP_TYPING.equals(broadcast.event())) {
      heardNanos.remove(typist);
    }
  }

  /** Ends, on this node only, the typists no node has spoken for in a while. */
  void expireUnheard() {
    long now = System.nanoTime();
    heardNanos.forEach(
        (typist, at) -> {
          if (now - at >= UNHEARD_LIMIT.toNanos() && heardNanos.remove(typist, at)) {
            local.deliver(stopped(typist));
          }
        });
  }

  private static Broadcast stopped(Typist typist) {
    return Broadcast.toRoom(
            typist.roomId(),
            ServerEvents.USER_STOP_TYPING,
            json(new ServerEvents.TypingStopped(typist.userId(), typist.roomId())))
        .except(typist.userId())
        .about(typist.userId());
  }
}

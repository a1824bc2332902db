package dev.nexuschat.realtime.events;

import static dev.nexuschat.realtime.routing.ServerEvents.json;

import dev.nexuschat.realtime.routing.Audience;
import dev.nexuschat.realtime.routing.Broadcast;
import dev.nexuschat.realtime.routing.Broadcasts;
import dev.nexuschat.realtime.routing.ServerEvents;
import dev.nexuschat.realtime.routing.UnheardTypists;
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
 * back to the typist's own connections. While typing goes on, {@code user_typing} is repeated every
 * second, so that other nodes can tell a typist whose node crashed ({@link UnheardTypists}).
 */
@ApplicationScoped
public class TypingIndicators {
  static final Duration QUIET_LIMIT = Duration.ofSeconds(3);
  static final Duration REANNOUNCE_EVERY = Duration.ofSeconds(1);

  @Inject Broadcasts broadcasts;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private record Typist(UUID roomId, UUID userId) {}

  private record Typing(ScheduledFuture<?> quiet, long announcedNanos) {}

  private final Map<Typist, Typing> typing = new ConcurrentHashMap<>();

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
      broadcasts.publish(
          Broadcast.to(
                  Audience.room(roomId).except(userId),
                  ServerEvents.USER_TYPING,
                  json(new ServerEvents.Typing(userId, username, roomId)))
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
    broadcasts.publish(UnheardTypists.stopped(typist.roomId(), typist.userId()));
  }
}

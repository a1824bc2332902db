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
 * Who is typing where, on the node that holds the typist's socket. A typist who goes quiet for
 * 3 s, stops, or disconnects gets a {@code user_stop_typing} from the server; typing events never
 * go back to the typist's own connections.
 */
@ApplicationScoped
public class TypingIndicators {
  static final Duration QUIET_LIMIT = Duration.ofSeconds(3);

  @Inject EventBus bus;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private record Typist(UUID roomId, UUID userId) {}

  private final Map<Typist, ScheduledFuture<?>> typing = new ConcurrentHashMap<>();

  public void started(UUID roomId, UUID userId, String username) {
    Typist typist = new Typist(roomId, userId);
    ScheduledFuture<?> quiet = scheduler.schedule(
        () -> end(typist), QUIET_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = typing.put(typist, quiet);
    if (previous != null) {
      previous.cancel(false);
      return;
    }
    bus.publish(Broadcast.toRoom(roomId, ServerEvents.USER_TYPING,
        json(new ServerEvents.Typing(userId, username, roomId))).except(userId));
  }

  public void stopped(UUID roomId, UUID userId) {
    end(new Typist(roomId, userId));
  }

  /** The user's socket closed: end their typing everywhere, unless it was not their last one. */
  public void disconnected(UUID userId, List<UUID> rooms) {
    rooms.forEach(room -> stopped(room, userId));
  }

  private void end(Typist typist) {
    ScheduledFuture<?> quiet = typing.remove(typist);
    if (quiet == null) {
      return;
    }
    quiet.cancel(false);
    bus.publish(Broadcast.toRoom(typist.roomId(), ServerEvents.USER_STOP_TYPING,
        json(new ServerEvents.TypingStopped(typist.userId(), typist.roomId()))).except(typist.userId()));
  }
}

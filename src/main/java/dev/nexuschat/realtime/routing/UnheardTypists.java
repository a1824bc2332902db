package dev.nexuschat.realtime.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typists this node heard of through Redis, from any node: one that no node has spoken for in 5 s
 * gets a {@code user_stop_typing} on this node's connections, so a typist whose node crashed does
 * not type forever here. (Their own node repeats {@code user_typing} every second while typing goes
 * on and says stop after 3 s of quiet.)
 */
@ApplicationScoped
public class UnheardTypists {
  /** Longer than the typist's node needs to say stop itself (3 s quiet after the last repeat). */
  static final Duration UNHEARD_LIMIT = Duration.ofSeconds(5);

  @Inject LocalDelivery local;

  private record Typist(UUID roomId, UUID userId) {}

  private final Map<Typist, Long> heardNanos = new ConcurrentHashMap<>();

  /** The stop of {@code userId}'s typing in {@code roomId}, for everyone there but the typist. */
  public static Broadcast stopped(UUID roomId, UUID userId) {
    return Broadcast.to(
            Audience.room(roomId).except(userId),
            ServerEvents.USER_STOP_TYPING,
            ServerEvents.json(new ServerEvents.TypingStopped(userId, roomId)))
        .about(userId);
  }

  /** A broadcast from a room channel: a typing event from whichever node sent it. */
  void heard(Broadcast broadcast) {
    UUID room = broadcast.audience().onlyRoom();
    UUID typist = broadcast.audience().exceptUserId();
    if (room == null || typist == null) {
      return;
    }
    if (ServerEvents.USER_TYPING.equals(broadcast.event())) {
      heardNanos.put(new Typist(room, typist), System.nanoTime());
    } else if (ServerEvents.USER_STOP_TYPING.equals(broadcast.event())) {
      heardNanos.remove(new Typist(room, typist));
    }
  }

  /** Ends, on this node only, the typists no node has spoken for in a while. On a timer. */
  public void expireUnheard() {
    long now = System.nanoTime();
    heardNanos.forEach(
        (typist, at) -> {
          if (now - at >= UNHEARD_LIMIT.toNanos() && heardNanos.remove(typist, at)) {
            local.deliver(stopped(typist.roomId(), typist.userId()));
          }
        });
  }
}

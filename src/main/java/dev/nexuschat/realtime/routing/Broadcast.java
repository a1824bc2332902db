package dev.nexuschat.realtime.routing;

import dev.nexuschat.realtime.connection.StateKey;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.UUID;

/**
 * One server event on its way to the connections of every node: the frame's {@code event} and
 * pre-serialised {@code data}, and its {@link Audience}. {@code seq} > 0 marks a room's message
 * number for ordering. {@code createdAtMillis} is when it was made, right after its change
 * committed (fan-out latency). {@code aboutUserId} is the user a state event (presence, typing) is
 * about: see {@link #stateKey()}.
 */
public record Broadcast(
    String event,
    String data,
    Audience audience,
    long seq,
    long createdAtMillis,
    UUID aboutUserId) {

  /** Node-to-node format: record component names as they are, so records round-trip exactly. */
  static final Jsonb WIRE = JsonbBuilder.create();

  private static final String PRESENCE = "presence";
  private static final String TYPING = "typing";

  public static Broadcast to(Audience audience, String event, String data) {
    return new Broadcast(event, data, audience, 0, System.currentTimeMillis(), null);
  }

  public Broadcast numbered(long messageSeq) {
    return new Broadcast(event, data, audience, messageSeq, createdAtMillis, aboutUserId);
  }

  public Broadcast about(UUID user) {
    return new Broadcast(event, data, audience, seq, createdAtMillis, user);
  }

  static Broadcast fromWire(String payload) {
    return WIRE.fromJson(payload, Broadcast.class);
  }

  String toWire() {
    return WIRE.toJson(this);
  }

  /**
   * The wire form stamped with the node that published it, first, so that node can tell its own
   * publication from the start of the payload without parsing it ({@link #isFrom}); readers ignore
   * the extra property (nodes of an older version too).
   */
  String toWire(String origin) {
    return originPrefix(origin) + "," + toWire().substring(1);
  }

  /** Whether {@code payload} was published by {@code origin} ({@link #toWire(String)}). */
  static boolean isFrom(String payload, String origin) {
    return payload.startsWith(originPrefix(origin));
  }

  private static String originPrefix(String origin) {
    return "{\"origin\":\"" + origin + "\"";
  }

  /**
   * Presence and typing are state, not history: a connection needs only the newest frame per user
   * (per room and user for typing), see {@link StateKey}. Null for everything else.
   */
  StateKey stateKey() {
    if (aboutUserId == null) {
      return null;
    }
    return switch (event) {
      case ServerEvents.USER_ONLINE, ServerEvents.USER_OFFLINE ->
          new StateKey(PRESENCE, null, aboutUserId);
      case ServerEvents.USER_TYPING, ServerEvents.USER_STOP_TYPING ->
          audience.onlyRoom() != null
              ? new StateKey(TYPING, audience.onlyRoom(), aboutUserId)
              : null;
      default -> null;
    };
  }

  /** The text frame every recipient gets, built once per node. */
  String frame() {
    return "{\"event\":\"" + event + "\",\"data\":" + data + "}";
  }
}

package dev.nexuschat.realtime.control;

import java.util.List;
import java.util.UUID;

/**
 * One server event on its way to the connections of every node: the frame's {@code event} and
 * pre-serialised {@code data}, and who gets it. Recipients are the members of {@code roomIds} (the
 * union, so a user sharing several rooms gets it once) or the connections of {@code userId}, less
 * {@code exceptUserId}. {@code joiningUserIds} enter {@code roomIds} before delivery and {@code
 * leavingUserId} leaves them after it, so membership changes take effect on every node at the same
 * point of the event stream. {@code seq} > 0 marks a room's message number for ordering. {@code
 * createdAtMillis} is when it was made, right after its change committed (fan-out latency). {@code
 * aboutUserId} is the user a state event (presence, typing) is about: see {@link #stateKey()}.
 */
public record Broadcast(
    String event,
    String data,
    List<UUID> roomIds,
    UUID userId,
    UUID exceptUserId,
    long seq,
    List<UUID> joiningUserIds,
    UUID leavingUserId,
    long createdAtMillis,
    UUID aboutUserId) {

  private static final String PRESENCE = "presence";
  private static final String TYPING = "typing";

  public Broadcast {
    roomIds = roomIds == null ? List.of() : List.copyOf(roomIds);
    joiningUserIds = joiningUserIds == null ? List.of() : List.copyOf(joiningUserIds);
  }

  public static Broadcast toRoom(UUID roomId, String event, String data) {
    return new Broadcast(
        event,
        data,
        List.of(roomId),
        null,
        null,
        0,
        List.of(),
        null,
        System.currentTimeMillis(),
        null);
  }

  public static Broadcast toRooms(List<UUID> roomIds, String event, String data) {
    return new Broadcast(
        event, data, roomIds, null, null, 0, List.of(), null, System.currentTimeMillis(), null);
  }

  public static Broadcast toUser(UUID userId, String event, String data) {
    return new Broadcast(
        event, data, List.of(), userId, null, 0, List.of(), null, System.currentTimeMillis(), null);
  }

  public Broadcast except(UUID userId) {
    return new Broadcast(
        event,
        data,
        roomIds,
        this.userId,
        userId,
        seq,
        joiningUserIds,
        leavingUserId,
        createdAtMillis,
        aboutUserId);
  }

  public Broadcast numbered(long messageSeq) {
    return new Broadcast(
        event,
        data,
        roomIds,
        userId,
        exceptUserId,
        messageSeq,
        joiningUserIds,
        leavingUserId,
        createdAtMillis,
        aboutUserId);
  }

  public Broadcast joining(List<UUID> userIds) {
    return new Broadcast(
        event,
        data,
        roomIds,
        userId,
        exceptUserId,
        seq,
        userIds,
        leavingUserId,
        createdAtMillis,
        aboutUserId);
  }

  public Broadcast leaving(UUID user) {
    return new Broadcast(
        event,
        data,
        roomIds,
        userId,
        exceptUserId,
        seq,
        joiningUserIds,
        user,
        createdAtMillis,
        aboutUserId);
  }

  public Broadcast about(UUID user) {
    return new Broadcast(
        event,
        data,
        roomIds,
        userId,
        exceptUserId,
        seq,
        joiningUserIds,
        leavingUserId,
        createdAtMillis,
        user);
  }

  /**
   * Presence and typing are state, not history: a connection needs only the newest frame per user
   * (per room and user for typing), see {@link Outbox}. Null for everything else.
   */
  Outbox.StateKey stateKey() {
    if (aboutUserId == null) {
      return null;
    }
    return switch (event) {
      case ServerEvents.USER_ONLINE, ServerEvents.USER_OFFLINE ->
          new Outbox.StateKey(PRESENCE, null, aboutUserId);
      case ServerEvents.USER_TYPING, ServerEvents.USER_STOP_TYPING ->
          roomIds.size() == 1 ? new Outbox.StateKey(TYPING, roomIds.get(0), aboutUserId) : null;
      default -> null;
    };
  }

  /** The text frame every recipient gets, built once per node. */
  String frame() {
    return "{\"event\":\"" + event + "\",\"data\":" + data + "}";
  }
}

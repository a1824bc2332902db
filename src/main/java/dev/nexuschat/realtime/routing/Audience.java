package dev.nexuschat.realtime.routing;

import dev.nexuschat.realtime.cluster.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who a broadcast is for. Recipients are the members of {@code roomIds} (the union, so a user
 * sharing several rooms gets it once) or the connections of {@code userId}, less {@code
 * exceptUserId}. {@code joiningUserIds} enter {@code roomIds} before delivery and {@code
 * leavingUserId} leaves them after it, so membership changes take effect on every node at the same
 * point of the event stream.
 */
public record Audience(
    List<UUID> roomIds,
    UUID userId,
    UUID exceptUserId,
    List<UUID> joiningUserIds,
    UUID leavingUserId) {

  public Audience {
    roomIds = roomIds == null ? List.of() : List.copyOf(roomIds);
    joiningUserIds = joiningUserIds == null ? List.of() : List.copyOf(joiningUserIds);
  }

  public static Audience room(UUID roomId) {
    return rooms(List.of(roomId));
  }

  public static Audience rooms(List<UUID> roomIds) {
    return new Audience(roomIds, null, null, List.of(), null);
  }

  public static Audience user(UUID userId) {
    return new Audience(List.of(), userId, null, List.of(), null);
  }

  public Audience except(UUID user) {
    return new Audience(roomIds, userId, user, joiningUserIds, leavingUserId);
  }

  public Audience joining(List<UUID> users) {
    return new Audience(roomIds, userId, exceptUserId, users, leavingUserId);
  }

  public Audience leaving(UUID user) {
    return new Audience(roomIds, userId, exceptUserId, joiningUserIds, user);
  }

  /** The room, when there is exactly one; null otherwise. */
  UUID onlyRoom() {
    return roomIds.size() == 1 ? roomIds.get(0) : null;
  }

  /**
   * Where a broadcast for this audience is published: the channel of the room it is for (and of
   * each user who joins), or of the user it is for; for several rooms, once on a channel every node
   * hears.
   */
  List<String> channels() {
    if (userId != null) {
      return List.of(Channels.ofUser(userId));
    }
    if (roomIds.size() > 1) {
      // Once for every node, not once per room: a node would hear R copies and have to find, per
      // copy and connection, whether an earlier room already reached it. Joiners' nodes hear it
      // too.
      return List.of(Channels.SEVERAL_ROOMS);
    }
    List<String> targets = new ArrayList<>();
    roomIds.forEach(room -> targets.add(Channels.ofRoom(room)));
    // A joiner's node may not follow the room yet: it hears of the join on the user's channel.
    joiningUserIds.forEach(user -> targets.add(Channels.ofUser(user)));
    return targets;
  }
}

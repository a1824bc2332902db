package dev.nexuschat.realtime.cluster;

import java.util.UUID;

/** The Redis channels of the fan-out, and how to read a room or user back from one. */
public final class Channels {
  private static final String ROOM_PREFIX = "nexus:room:";
  private static final String USER_PREFIX = "nexus:user:";

  /**
   * Every node's: a broadcast to several rooms (presence, profile changes of a user in R rooms)
   * comes once on this channel, not once per room, and each node reaches its recipients in one
   * pass.
   */
  public static final String SEVERAL_ROOMS = "nexus:rooms:several";

  private Channels() {}

  public static String ofRoom(UUID roomId) {
    return ROOM_PREFIX + roomId;
  }

  public static String ofUser(UUID userId) {
    return USER_PREFIX + userId;
  }

  /** The room of a room channel; null for any other channel. */
  public static UUID roomOf(String channel) {
    return channel.startsWith(ROOM_PREFIX)
        ? UUID.fromString(channel.substring(ROOM_PREFIX.length()))
        : null;
  }

  /** The user of a user channel; null for any other channel. */
  public static UUID userOf(String channel) {
    return channel.startsWith(USER_PREFIX)
        ? UUID.fromString(channel.substring(USER_PREFIX.length()))
        : null;
  }
}

package dev.nexuschat.room.control;

import dev.nexuschat.platform.errors.Conflict;
import dev.nexuschat.room.entity.RoomMember;
import java.util.Optional;
import java.util.UUID;

/**
 * How this database appends to a timeline, chosen once at start-up ({@link TimelineAppends}): one
 * statement on PostgreSQL, the entities elsewhere. Same rules, one contract test for both.
 */
interface TimelineAppend {
  /** See {@link RoomTimeline#append}. */
  Optional<RoomTimeline.Appended> append(UUID roomId, UUID senderId, RoomTimeline.Entry entry);

  /**
   * Why an append stored nothing: the sender is not a member (403; 404 when the room is gone), or
   * their client_id is in the room already (empty: a repeat), or they joined while it waited for
   * the room (409: send again).
   */
  static Optional<RoomTimeline.Appended> nothingAppended(
      Memberships memberships, UUID roomId, UUID senderId, RoomTimeline.Entry entry) {
    Optional<RoomMember> now = memberships.find(roomId, senderId);
    if (now.isEmpty()) {
      memberships.require(roomId, senderId);
    }
    if (entry.clientId() != null) {
      return Optional.empty();
    }
    throw new Conflict("CONFLICT", "The membership changed while sending; send again");
  }
}

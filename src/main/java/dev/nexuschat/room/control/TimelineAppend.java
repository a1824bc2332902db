package dev.nexuschat.room.control;

import dev.nexuschat.platform.errors.Conflict;
import dev.nexuschat.room.entity.RoomMember;
import java.util.Optional;

/**
 * How this database appends to a timeline, chosen once at start-up ({@link TimelineAppends}): one
 * statement on PostgreSQL, the entities elsewhere. Same rules, one contract test for both.
 */
interface TimelineAppend {
  /** See {@link RoomTimeline#append}. */
  Optional<RoomTimeline.Appended> append(RoomMember sender, RoomTimeline.Entry entry);

  /**
   * Why an append stored nothing: the sender's client_id is in the room already (empty: a repeat),
   * or they are no longer a member (403; 404 when the room is gone), or they left and came back
   * while it waited (409: send again).
   */
  static Optional<RoomTimeline.Appended> nothingAppended(
      Memberships memberships, RoomMember sender, RoomTimeline.Entry entry) {
    Optional<RoomMember> now = memberships.find(sender.roomId(), sender.userId());
    if (now.isEmpty()) {
      memberships.require(sender.roomId(), sender.userId());
    }
    if (now.isPresent() && now.get().id().equals(sender.id()) && entry.clientId() != null) {
      return Optional.empty();
    }
    throw new Conflict("CONFLICT", "The membership changed while sending; send again");
  }
}

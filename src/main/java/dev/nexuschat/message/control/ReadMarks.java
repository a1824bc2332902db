package dev.nexuschat.message.control;

import dev.nexuschat.message.entity.Message;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.room.control.Memberships;
import dev.nexuschat.room.entity.Room;
import dev.nexuschat.room.entity.RoomMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Read marks and unread counts. A mark is a room sequence number and only moves forward; the unread
 * count is the gap to the room's newest number less the deleted messages in it, so it never scans
 * history.
 */
@ApplicationScoped
public class ReadMarks {
  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject Event<ReadMarkMoved> moved;

  /** Marks the room read up to a message, or to its newest one. */
  @Transactional
  public MessageViews.ReadState markRead(UUID userId, UUID roomId, UUID messageId) {
    RoomMember member = memberships.require(roomId, userId);
    Room room = em.find(Room.class, roomId);
    long seq = room.lastSeq();
    if (messageId != null) {
      Message message = em.find(Message.class, messageId);
      if (message == null || !message.roomId().equals(roomId)) {
        throw new Invalid("message_id", "must be a message of this room");
      }
      seq = message.seq();
    }
    advance(member, seq, Timestamps.now());
    em.refresh(member);
    long unread = unread(room, member.lastReadSeq());
    OffsetDateTime lastReadAt = member.lastReadAt();
    MessageViews.ReadState state =
        new MessageViews.ReadState(lastReadAt == null ? null : lastReadAt.toInstant(), unread);
    moved.fire(new ReadMarkMoved(roomId, userId, state.lastReadAt(), unread));
    return state;
  }

  /** Moves the mark to {@code seq} unless it is already past it; atomic, so never backwards. */
  void advance(RoomMember member, long seq, OffsetDateTime at) {
    em.createQuery(
            "UPDATE RoomMember m SET m.lastReadSeq = :seq, m.lastReadAt = :at"
                + " WHERE m.id = :id AND m.lastReadSeq <= :seq")
        .setParameter("seq", seq)
        .setParameter("at", at)
        .setParameter("id", member.id())
        .executeUpdate();
  }

  long unread(Room room, long readSeq) {
    long deletedSince =
        em.createQuery(
                "SELECT COUNT(m) FROM Message m WHERE m.roomId = :room"
                    + " AND m.deletedAt IS NOT NULL AND m.seq > :seq",
                Long.class)
            .setParameter("room", room.id())
            .setParameter("seq", readSeq)
            .getSingleResult();
    return Math.max(0, room.lastSeq() - readSeq - deletedSince);
  }
}

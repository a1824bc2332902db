package dev.nexuschat.message.control;

import dev.nexuschat.message.entity.Message;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.room.control.Memberships;
import dev.nexuschat.room.control.RoomTimeline;
import dev.nexuschat.room.entity.RoomMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Marking a room read (REST and WebSocket); the marks' rules are {@link RoomTimeline}'s. */
@ApplicationScoped
public class ReadMarks {
  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject RoomTimeline timeline;
  @Inject Event<ReadMarkMoved> moved;

  /** Marks the room read up to a message, or to its newest one. */
  @Transactional
  public MessageViews.ReadState markRead(UUID userId, UUID roomId, UUID messageId) {
    RoomMember member = memberships.require(roomId, userId);
    long seq = timeline.newestSeq(roomId);
    if (messageId != null) {
      Message message = em.find(Message.class, messageId);
      if (message == null || !message.roomId().equals(roomId)) {
        throw new Invalid("message_id", "must be a message of this room");
      }
      seq = message.seq();
    }
    timeline.markRead(member, seq, Timestamps.now());
    em.refresh(member);
    long unread = timeline.unread(member);
    long mentions = timeline.unreadMentions(member);
    OffsetDateTime lastReadAt = member.lastReadAt();
    MessageViews.ReadState state =
        new MessageViews.ReadState(
            lastReadAt == null ? null : lastReadAt.toInstant(), unread, mentions);
    moved.fire(new ReadMarkMoved(roomId, userId, state.lastReadAt(), unread, mentions));
    return state;
  }
}

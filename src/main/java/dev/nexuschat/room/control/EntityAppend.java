package dev.nexuschat.room.control;

import dev.nexuschat.room.entity.MentionIds;
import dev.nexuschat.room.entity.Room;
import dev.nexuschat.room.entity.RoomMember;
import dev.nexuschat.user.control.UserViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The append everywhere but PostgreSQL (the embedded H2 default): the rules as the entities state
 * them, in one JTA transaction (the caller's, if there is one). The membership is read once the
 * room is locked, so a removal that committed meanwhile counts.
 */
@ApplicationScoped
@Typed(EntityAppend.class)
class EntityAppend implements TimelineAppend {
  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject MentionRows mentionRows;
  @Inject ThreadRows threadRows;

  @Override
  @Transactional
  public Optional<RoomTimeline.Appended> append(
      UUID roomId, UUID senderId, RoomTimeline.Entry entry) {
    Room room = memberships.lockRoom(roomId); // 404 when there is no such room
    Optional<RoomMember> member = memberships.find(room.id(), senderId);
    if (member.isEmpty() || clientIdTaken(member.get(), entry)) {
      return TimelineAppend.nothingAppended(memberships, roomId, senderId, entry);
    }
    long seq = room.nextSeq();
    OffsetDateTime at = room.nextMessageTime();
    List<UUID> mentioned = mentionRows.members(room.id(), senderId, entry.mentionedKeys());
    UUID threadRoot = threadRows.rootOf(entry.parentId());
    em.createNativeQuery(
            "INSERT INTO messages (id, room_id, seq, sender_id, content, message_type, parent_id,"
                + " client_id, is_edited, created_at, updated_at, mentions_room, mentioned_ids,"
                + " thread_root_id)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, false, ?9, ?9, ?10, ?11, ?12)")
        .setParameter(1, entry.id())
        .setParameter(2, room.id())
        .setParameter(3, seq)
        .setParameter(4, senderId)
        .setParameter(5, entry.content())
        .setParameter(6, entry.type())
        .setParameter(7, entry.parentId())
        .setParameter(8, entry.clientId())
        .setParameter(9, at)
        .setParameter(10, entry.mentionsRoom())
        .setParameter(11, MentionIds.joined(mentioned))
        .setParameter(12, threadRoot)
        .executeUpdate();
    mentionRows.insert(entry.id(), room.id(), seq, at, mentioned);
    if (threadRoot != null) {
      threadRows.replied(threadRoot, room.id(), senderId, seq, at);
      threadRows.mentioned(entry.id(), mentioned, at);
    }
    // Both flushed at commit, after the insert they point to.
    room.messagePosted(entry.id(), at);
    member.get().postedUpTo(seq, at);
    return Optional.of(
        new RoomTimeline.Appended(seq, at, UserViews.Sender.of(member.get().user()), mentioned));
  }

  /** Race-free under the room lock: a concurrent repeat waits for the first to commit. */
  private boolean clientIdTaken(RoomMember sender, RoomTimeline.Entry entry) {
    if (entry.clientId() == null) {
      return false;
    }
    Object count =
        em.createNativeQuery(
                "SELECT COUNT(*) FROM messages WHERE room_id = ?1 AND sender_id = ?2"
                    + " AND client_id = ?3")
            .setParameter(1, sender.roomId())
            .setParameter(2, sender.userId())
            .setParameter(3, entry.clientId())
            .getSingleResult();
    return ((Number) count).longValue() > 0;
  }
}

package dev.nexuschat.thread.control;

import dev.nexuschat.message.entity.Message;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.room.control.Memberships;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Who follows a thread, and how far each follower read it. The append makes repliers, the root's
 * author and the mentioned follow (changeset 008's triggers, the entity path on H2); here a member
 * follows or unfollows by hand and moves their read position, forward only. Follow and unfollow
 * take the room lock, as the append does, so the two never race for one row.
 */
@ApplicationScoped
public class ThreadFollows {
  /** A follower's unread replies: above their position, not deleted, by others. */
  static final String UNREAD =
      "(SELECT COUNT(*) FROM messages r WHERE r.thread_root_id = f.root_id"
          + " AND r.seq > f.last_read_seq AND r.deleted_at IS NULL AND r.sender_id <> f.user_id)";

  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject ThreadRoots roots;
  @Inject Event<ThreadReadMoved> moved;

  /** Follows the thread of {@code messageId}; nothing in it so far counts as unread. */
  @Transactional
  public ThreadViews.State follow(UUID userId, UUID roomId, UUID messageId) {
    return setFollowing(userId, roomId, messageId, true);
  }

  /** Stops following it: its replies no longer count, until the user replies or is mentioned. */
  @Transactional
  public ThreadViews.State unfollow(UUID userId, UUID roomId, UUID messageId) {
    return setFollowing(userId, roomId, messageId, false);
  }

  private ThreadViews.State setFollowing(
      UUID userId, UUID roomId, UUID messageId, boolean following) {
    memberships.require(roomId, userId);
    memberships.lockRoom(roomId);
    Message root = roots.rootOf(roomId, messageId);
    long newest = roots.newestSeq(root);
    // Following again starts from now: what came while unfollowed is not unread.
    var update =
        em.createNativeQuery(
                following
                    ? "UPDATE thread_follows SET last_read_seq = CASE WHEN following THEN"
                        + " last_read_seq WHEN last_read_seq < ?4 THEN ?4 ELSE last_read_seq END,"
                        + " following = true, updated_at = ?3 WHERE user_id = ?1 AND root_id = ?2"
                    : "UPDATE thread_follows SET following = false, updated_at = ?3"
                        + " WHERE user_id = ?1 AND root_id = ?2")
            .setParameter(1, userId)
            .setParameter(2, root.id())
            .setParameter(3, Timestamps.now());
    if (following) {
      update.setParameter(4, newest);
    }
    int updated = update.executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "INSERT INTO thread_follows (user_id, root_id, room_id, following, last_read_seq,"
                  + " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
          .setParameter(1, userId)
          .setParameter(2, root.id())
          .setParameter(3, roomId)
          .setParameter(4, following)
          .setParameter(5, newest)
          .setParameter(6, Timestamps.now())
          .executeUpdate();
    }
    return announced(userId, roomId, root.id());
  }

  /**
   * Moves the reader's position in the thread of {@code messageId} up to {@code upTo} (a message of
   * the thread), or to its newest reply; never backwards. A user who never followed the thread has
   * no position to move: the answer says so.
   */
  @Transactional
  public ThreadViews.State read(UUID userId, UUID roomId, UUID messageId, UUID upTo) {
    memberships.require(roomId, userId);
    Message root = roots.rootOf(roomId, messageId);
    long seq;
    if (upTo == null) {
      seq = roots.newestSeq(root);
    } else {
      Long found = roots.seqInThread(root, upTo);
      if (found == null) {
        throw new Invalid("message_id", "must be a message of this thread");
      }
      seq = found;
    }
    em.createNativeQuery(
            "UPDATE thread_follows SET last_read_seq = ?3, updated_at = ?4"
                + " WHERE user_id = ?1 AND root_id = ?2 AND last_read_seq < ?3")
        .setParameter(1, userId)
        .setParameter(2, root.id())
        .setParameter(3, seq)
        .setParameter(4, Timestamps.now())
        .executeUpdate();
    return announced(userId, roomId, root.id());
  }

  /** The user's state in the thread now; fires {@link ThreadReadMoved} for their other tabs. */
  private ThreadViews.State announced(UUID userId, UUID roomId, UUID rootId) {
    ThreadViews.State state = state(userId, roomId, rootId);
    moved.fire(new ThreadReadMoved(userId, state));
    return state;
  }

  ThreadViews.State state(UUID userId, UUID roomId, UUID rootId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT f.following, "
                    + UNREAD
                    + " FROM thread_follows f"
                    + " WHERE f.user_id = ?1 AND f.root_id = ?2")
            .setParameter(1, userId)
            .setParameter(2, rootId)
            .getResultList();
    boolean following = false;
    long unread = 0;
    if (!rows.isEmpty()) {
      Object[] row = (Object[]) rows.get(0);
      following = Boolean.TRUE.equals(row[0]);
      unread = following ? ((Number) row[1]).longValue() : 0;
    }
    ThreadViews.Totals totals = totals(userId);
    return new ThreadViews.State(
        roomId, rootId, following, unread, totals.unreadReplies(), totals.unreadThreads());
  }

  /** Unread replies and threads over the user's followed threads in the rooms they are in. */
  public ThreadViews.Totals totals(UUID userId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(r.id), COUNT(DISTINCT f.root_id) FROM thread_follows f"
                        + " JOIN room_members me ON me.room_id = f.room_id"
                        + " AND me.user_id = f.user_id"
                        + " JOIN messages r ON r.thread_root_id = f.root_id"
                        + " AND r.seq > f.last_read_seq AND r.deleted_at IS NULL"
                        + " AND r.sender_id <> f.user_id"
                        + " WHERE f.user_id = ?1 AND f.following")
                .setParameter(1, userId)
                .getSingleResult();
    return new ThreadViews.Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }
}

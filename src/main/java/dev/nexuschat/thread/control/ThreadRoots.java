package dev.nexuschat.thread.control;

import dev.nexuschat.message.entity.Message;
import dev.nexuschat.platform.errors.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Finds the thread a message of a room belongs to, and what the thread holds. */
@ApplicationScoped
class ThreadRoots {
  @PersistenceContext EntityManager em;

  /**
   * The root of the thread {@code messageId} is in (itself, for a root). 404 for no such message in
   * this room, or a deleted one that is not the root of replies still shown.
   */
  Message rootOf(UUID roomId, UUID messageId) {
    Message message = em.find(Message.class, messageId);
    if (message == null || !message.roomId().equals(roomId)) {
      throw new NotFound("No message " + messageId + " in this room");
    }
    Message root =
        message.threadRootId() == null ? message : em.find(Message.class, message.threadRootId());
    if (message.isDeleted() && (message != root || root.replyCount() == 0)) {
      throw new NotFound("No message " + messageId + " in this room");
    }
    return root;
  }

  /** The room sequence of the thread's newest reply, deleted ones included; the root's if none. */
  long newestSeq(Message root) {
    Object newest =
        em.createNativeQuery("SELECT MAX(seq) FROM messages WHERE thread_root_id = ?1")
            .setParameter(1, root.id())
            .getSingleResult();
    return newest == null ? root.seq() : ((Number) newest).longValue();
  }

  /** The reply {@code replyId}'s room sequence, if it is a message of this thread (or its root). */
  Long seqInThread(Message root, UUID messageId) {
    if (messageId.equals(root.id())) {
      return root.seq();
    }
    List<?> seq =
        em.createNativeQuery("SELECT seq FROM messages WHERE id = ?1 AND thread_root_id = ?2")
            .setParameter(1, messageId)
            .setParameter(2, root.id())
            .getResultList();
    return seq.isEmpty() ? null : ((Number) seq.get(0)).longValue();
  }
}

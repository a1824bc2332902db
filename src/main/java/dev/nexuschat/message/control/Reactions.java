package dev.nexuschat.message.control;

import dev.nexuschat.message.entity.Reaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reactions messages show: counts per emoji in first-reacted order, with the viewer's own
 * marked. A whole history page costs one query, whatever its size.
 */
@ApplicationScoped
public class Reactions {
  @PersistenceContext EntityManager em;

  /** {@code items} with their reactions as {@code viewerId} sees them. */
  public List<MessageViews.Item> attach(List<MessageViews.Item> items, UUID viewerId) {
    if (items.isEmpty()) {
      return items;
    }
    Map<UUID, List<MessageViews.ReactionCount>> counts =
        countsOf(items.stream().map(MessageViews.Item::id).toList(), viewerId);
    return items.stream()
        .map(item -> item.withReactions(counts.getOrDefault(item.id(), List.of())))
        .toList();
  }

  public List<MessageViews.ReactionCount> of(UUID messageId, UUID viewerId) {
    return countsOf(List.of(messageId), viewerId).getOrDefault(messageId, List.of());
  }

  private Map<UUID, List<MessageViews.ReactionCount>> countsOf(
      List<UUID> messageIds, UUID viewerId) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT r.key.messageId, r.key.emoji, COUNT(r),"
                    + " SUM(CASE WHEN r.key.userId = :viewer THEN 1 ELSE 0 END),"
                    + " MIN(r.createdAt) AS firstAt"
                    + " FROM Reaction r WHERE r.key.messageId IN :messages"
                    + " GROUP BY r.key.messageId, r.key.emoji"
                    + " ORDER BY firstAt, r.key.emoji",
                Object[].class)
            .setParameter("viewer", viewerId)
            .setParameter("messages", messageIds)
            .getResultList();
    Map<UUID, List<MessageViews.ReactionCount>> counts = new HashMap<>();
    for (Object[] row : rows) {
      counts
          .computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
          .add(
              new MessageViews.ReactionCount(
                  (String) row[1],
                  ((Number) row[2]).longValue(),
                  ((Number) row[3]).longValue() > 0));
    }
    return counts;
  }

  /** How many reacted to {@code messageId} with {@code emoji}. */
  long count(UUID messageId, String emoji) {
    return em.createQuery(
            "SELECT COUNT(r) FROM Reaction r"
                + " WHERE r.key.messageId = :message AND r.key.emoji = :emoji",
            Long.class)
        .setParameter("message", messageId)
        .setParameter("emoji", emoji)
        .getSingleResult();
  }

  /** How many different emoji {@code messageId} carries. */
  long distinctEmoji(UUID messageId) {
    return em.createQuery(
            "SELECT COUNT(DISTINCT r.key.emoji) FROM Reaction r WHERE r.key.messageId = :message",
            Long.class)
        .setParameter("message", messageId)
        .getSingleResult();
  }

  /** A message that leaves the history takes its reactions with it. */
  void clear(UUID messageId) {
    em.createQuery("DELETE FROM Reaction r WHERE r.key.messageId = :message")
        .setParameter("message", messageId)
        .executeUpdate();
  }

  Reaction find(Reaction.Key key) {
    return em.find(Reaction.class, key);
  }
}

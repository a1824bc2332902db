package dev.nexuschat.message.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One user's reaction to one message with one emoji. The key is the whole fact, so a user holds
 * each emoji on a message at most once.
 */
@Entity
@Table(name = "message_reactions")
public class Reaction {
  @EmbeddedId private Key key;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Reaction() {}

  public Reaction(UUID messageId, UUID userId, String emoji, OffsetDateTime at) {
    this.key = new Key(messageId, userId, emoji);
    this.createdAt = Objects.requireNonNull(at);
  }

  public Key key() {
    return key;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** (message, user, emoji). */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "message_id", nullable = false)
    private UUID messageId;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "emoji", nullable = false)
    private String emoji;

    protected Key() {}

    public Key(UUID messageId, UUID userId, String emoji) {
      this.messageId = Objects.requireNonNull(messageId);
      this.userId = Objects.requireNonNull(userId);
      this.emoji = Objects.requireNonNull(emoji);
    }

    public UUID messageId() {
      return messageId;
    }

    public UUID userId() {
      return userId;
    }

    public String emoji() {
      return emoji;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && messageId.equals(key.messageId)
          && userId.equals(key.userId)
          && emoji.equals(key.emoji);
    }

    @Override
    public int hashCode() {
      return Objects.hash(messageId, userId, emoji);
    }
  }
}

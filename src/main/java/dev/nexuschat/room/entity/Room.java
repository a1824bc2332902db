package dev.nexuschat.room.entity;

import dev.nexuschat.platform.time.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A group room or a direct conversation. Owns the room's message sequence: every message takes the
 * next number while the room row is locked, so history order is commit order.
 */
@Entity
@Table(name = "rooms")
public class Room {
  /** The nil UUID: the room has no visible message. */
  public static final UUID NO_MESSAGE = new UUID(0, 0);

  @Id private UUID id;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "description")
  private String description;

  @Column(name = "is_direct", nullable = false)
  private boolean direct;

  @Column(name = "dm_key")
  private String dmKey;

  @Column(name = "created_by", nullable = false)
  private UUID createdBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  /**
   * The newest visible message, or {@link #NO_MESSAGE}. Never SQL NULL: EclipseLink 4 cannot read a
   * NULL uuid basic column, nor bind one portably to PostgreSQL.
   */
  @Column(name = "last_message_id", nullable = false)
  private UUID lastMessageId = NO_MESSAGE;

  @Column(name = "last_activity_at", nullable = false)
  private OffsetDateTime lastActivityAt;

  @Column(name = "member_count", nullable = false)
  private int memberCount;

  protected Room() {}

  public static Room group(UUID id, String name, String description, UUID creator) {
    Room room = create(id, creator);
    room.name = Objects.requireNonNull(name);
    room.description = description;
    return room;
  }

  /** A direct room has no name of its own: each side sees the other person's name. */
  public static Room direct(UUID id, UUID creator, UUID other) {
    Room room = create(id, creator);
    room.direct = true;
    room.name = "";
    room.dmKey = dmKey(creator, other);
    return room;
  }

  private static Room create(UUID id, UUID creator) {
    Room room = new Room();
    room.id = Objects.requireNonNull(id);
    room.createdBy = Objects.requireNonNull(creator);
    room.createdAt = Timestamps.now();
    room.updatedAt = room.createdAt;
    room.lastActivityAt = room.createdAt;
    return room;
  }

  /** The same key whoever opens the conversation: the two ids in order. */
  public static String dmKey(UUID a, UUID b) {
    return a.compareTo(b) <= 0 ? a + ":" + b : b + ":" + a;
  }

  public void describe(String newName, String newDescription) {
    name = Objects.requireNonNull(newName);
    description = newDescription;
    updatedAt = Timestamps.now();
  }

  /** Takes the next position; call with the room row locked. */
  public long nextSeq() {
    return ++lastSeq;
  }

  /** Message times never go backwards within a room, even if the clock does. */
  public OffsetDateTime nextMessageTime() {
    OffsetDateTime now = Timestamps.now();
    return now.isBefore(lastActivityAt) ? lastActivityAt : now;
  }

  public void messagePosted(UUID messageId, OffsetDateTime at) {
    lastMessageId = messageId;
    lastActivityAt = at;
  }

  /** The latest visible message changed because the previous latest was deleted. */
  public void latestMessageIs(UUID messageId) {
    lastMessageId = messageId == null ? NO_MESSAGE : messageId;
  }

  public void memberAdded() {
    memberCount++;
  }

  public void memberRemoved() {
    memberCount--;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public boolean isDirect() {
    return direct;
  }

  public UUID createdBy() {
    return createdBy;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public long lastSeq() {
    return lastSeq;
  }

  /** The newest visible message's id, or null when there is none. */
  public UUID lastMessageId() {
    return NO_MESSAGE.equals(lastMessageId) ? null : lastMessageId;
  }

  public int memberCount() {
    return memberCount;
  }
}

package dev.nexuschat.upload.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One file a member uploaded to a room: declared when the slot is made, completed once its bytes
 * are checked, attached to one message at most. Attaching is an UPDATE guarded by the row's state
 * ({@code upload.control.Attachments}), so two sends can never both take it. Its {@code message_id}
 * column (a foreign key, so the message's deletion cascades) is left to that SQL.
 */
@Entity
@Table(name = "uploads")
public class Upload {
  @Id private UUID id;

  @Column(name = "room_id", nullable = false)
  private UUID roomId;

  @Column(name = "uploader_id", nullable = false)
  private UUID uploaderId;

  // message_id is not mapped: EclipseLink 4 cannot read a NULL uuid basic column (PITFALLS).
  // Attachments sets and reads it with SQL; attached_at, set with it, says whether it is set.

  @Column(name = "filename", nullable = false)
  private String filename;

  @Column(name = "declared_size", nullable = false)
  private long declaredSize;

  @Column(name = "declared_type")
  private String declaredType;

  @Column(name = "stored_size")
  private Long storedSize;

  @Column(name = "content_type")
  private String contentType;

  @Column(name = "width")
  private Integer width;

  @Column(name = "height")
  private Integer height;

  @Column(name = "thumbnail_type")
  private String thumbnailType;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Column(name = "attached_at")
  private OffsetDateTime attachedAt;

  protected Upload() {}

  public Upload(
      UUID id,
      UUID roomId,
      UUID uploaderId,
      String filename,
      long declaredSize,
      String declaredType,
      OffsetDateTime at) {
    this.id = Objects.requireNonNull(id);
    this.roomId = Objects.requireNonNull(roomId);
    this.uploaderId = Objects.requireNonNull(uploaderId);
    this.filename = Objects.requireNonNull(filename);
    this.declaredSize = declaredSize;
    this.declaredType = declaredType;
    this.createdAt = Objects.requireNonNull(at);
  }

  /** What the completion found: the bytes as stored, their type, and for an image its size. */
  public void completed(
      long size,
      String type,
      Integer width,
      Integer height,
      String thumbnailType,
      OffsetDateTime at) {
    this.storedSize = size;
    this.contentType = Objects.requireNonNull(type);
    this.width = width;
    this.height = height;
    this.thumbnailType = thumbnailType;
    this.completedAt = Objects.requireNonNull(at);
  }

  public boolean isUploadedBy(UUID userId) {
    return uploaderId.equals(userId);
  }

  public boolean isCompleted() {
    return completedAt != null;
  }

  public boolean isAttached() {
    return attachedAt != null;
  }

  public boolean hasThumbnail() {
    return thumbnailType != null;
  }

  public UUID id() {
    return id;
  }

  public UUID roomId() {
    return roomId;
  }

  public UUID uploaderId() {
    return uploaderId;
  }

  public String filename() {
    return filename;
  }

  public long declaredSize() {
    return declaredSize;
  }

  public String declaredType() {
    return declaredType;
  }

  /** The stored size once completed, else the declared one. */
  public long size() {
    return storedSize != null ? storedSize : declaredSize;
  }

  public String contentType() {
    return contentType;
  }

  public Integer width() {
    return width;
  }

  public Integer height() {
    return height;
  }

  public String thumbnailType() {
    return thumbnailType;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}

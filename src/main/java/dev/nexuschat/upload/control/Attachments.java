package dev.nexuschat.upload.control;

import dev.nexuschat.platform.errors.Conflict;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.upload.entity.Upload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Uploads as parts of messages, for the message feature: which uploads a send may attach, the
 * attaching itself (in the send's transaction), the attachments a page of messages shows (one query
 * per page) and the files a deleted message takes with it.
 */
@ApplicationScoped
public class Attachments {
  public static final int MAX_PER_MESSAGE = 10;

  @PersistenceContext EntityManager em;
  @Inject Event<UploadsDiscarded> discarded;

  /**
   * Checks before a send that each of {@code uploadIds} may be attached by {@code senderId} in
   * {@code roomId}: at most {@link #MAX_PER_MESSAGE}, no repeats (400); each one the sender's, in
   * this room (else 400, naming it, as for an unknown id: nobody learns of others' uploads),
   * completed and not attached yet (409).
   */
  public void checkAttachable(UUID senderId, UUID roomId, List<UUID> uploadIds) {
    if (uploadIds.size() > MAX_PER_MESSAGE) {
      throw new Invalid(
          "attachments", "must be at most " + MAX_PER_MESSAGE + " uploads per message");
    }
    if (new HashSet<>(uploadIds).size() != uploadIds.size()) {
      throw new Invalid("attachments", "must not name an upload twice");
    }
    Map<UUID, Upload> found = new HashMap<>();
    for (Upload upload : rows(uploadIds)) {
      found.put(upload.id(), upload);
    }
    for (UUID id : uploadIds) {
      Upload upload = found.get(id);
      if (upload == null || !upload.isUploadedBy(senderId) || !upload.roomId().equals(roomId)) {
        throw new Invalid("attachments", "no upload " + id + " of yours in this room");
      }
      if (!upload.isCompleted()) {
        throw new Conflict(
            "UPLOAD_NOT_COMPLETED", "Upload " + id + " is not completed: complete it first");
      }
      if (upload.isAttached()) {
        throw new Conflict(
            "UPLOAD_ALREADY_ATTACHED", "Upload " + id + " is attached to another message");
      }
    }
  }

  /**
   * Attaches the uploads to the new message {@code messageId}, inside the send's transaction: one
   * guarded UPDATE each, so an upload attached (or cleaned up) since the check fails the whole send
   * (409), message included.
   */
  public List<UploadViews.Attachment> attach(
      UUID messageId, UUID senderId, UUID roomId, List<UUID> uploadIds, OffsetDateTime at) {
    if (uploadIds.isEmpty()) {
      return List.of();
    }
    for (UUID id : uploadIds) {
      int attached =
          em.createNativeQuery(
                  "UPDATE uploads SET message_id = ?1, attached_at = ?2"
                      + " WHERE id = ?3 AND uploader_id = ?4 AND room_id = ?5"
                      + " AND completed_at IS NOT NULL AND message_id IS NULL")
              .setParameter(1, messageId)
              .setParameter(2, at)
              .setParameter(3, id)
              .setParameter(4, senderId)
              .setParameter(5, roomId)
              .executeUpdate();
      if (attached != 1) {
        throw new Conflict(
            "UPLOAD_ALREADY_ATTACHED",
            "Upload " + id + " was attached or removed meanwhile; send again");
      }
    }
    return of(List.of(messageId)).getOrDefault(messageId, List.of());
  }

  /**
   * The attachments of each of {@code messageIds}, in upload order: one query (a history page is at
   * most 101 messages, so the IN list stays short).
   */
  public Map<UUID, List<UploadViews.Attachment>> of(List<UUID> messageIds) {
    if (messageIds.isEmpty()) {
      return Map.of();
    }
    StringBuilder in = new StringBuilder();
    for (int i = 1; i <= messageIds.size(); i++) {
      in.append(i == 1 ? "?" : ", ?").append(i);
    }
    jakarta.persistence.Query query =
        em.createNativeQuery(
            "SELECT message_id, id, filename, stored_size, content_type, width, height,"
                + " thumbnail_type FROM uploads WHERE message_id IN ("
                + in
                + ") ORDER BY created_at, id");
    for (int i = 0; i < messageIds.size(); i++) {
      query.setParameter(i + 1, messageIds.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    Map<UUID, List<UploadViews.Attachment>> byMessage = new HashMap<>();
    for (Object[] row : rows) {
      UUID id = uuid(row[1]);
      String url = UploadViews.BASE + id;
      byMessage
          .computeIfAbsent(uuid(row[0]), m -> new ArrayList<>())
          .add(
              new UploadViews.Attachment(
                  id,
                  (String) row[2],
                  ((Number) row[3]).longValue(),
                  (String) row[4],
                  row[5] == null ? null : ((Number) row[5]).intValue(),
                  row[6] == null ? null : ((Number) row[6]).intValue(),
                  url,
                  row[7] == null ? null : url + "/thumbnail"));
    }
    return byMessage;
  }

  /**
   * A message was deleted (in the caller's transaction): its uploads' rows go now, their bytes once
   * that commits.
   */
  public void messageDeleted(UUID messageId) {
    @SuppressWarnings("unchecked")
    List<Object> found =
        em.createNativeQuery("SELECT id FROM uploads WHERE message_id = ?1")
            .setParameter(1, messageId)
            .getResultList();
    if (found.isEmpty()) {
      return;
    }
    em.createNativeQuery("DELETE FROM uploads WHERE message_id = ?1")
        .setParameter(1, messageId)
        .executeUpdate();
    discarded.fire(new UploadsDiscarded(found.stream().map(Attachments::uuid).toList()));
  }

  private static UUID uuid(Object value) {
    return value instanceof UUID id ? id : UUID.fromString(value.toString());
  }

  private List<Upload> rows(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT u FROM Upload u WHERE u.id IN :ids", Upload.class)
        .setParameter("ids", ids)
        .getResultList();
  }
}

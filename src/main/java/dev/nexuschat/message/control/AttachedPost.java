package dev.nexuschat.message.control;

import dev.nexuschat.room.control.RoomTimeline;
import dev.nexuschat.upload.control.Attachments;
import dev.nexuschat.upload.control.UploadViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A message with files: the append and the attaching in one transaction, so the message and its
 * attachments commit together or not at all (an upload taken meanwhile rolls the message back).
 * Inside a transaction the timeline appends on its own statement, never in a group commit batch.
 */
@ApplicationScoped
class AttachedPost {
  @Inject RoomTimeline timeline;
  @Inject Attachments attachments;

  /** What was stored: nothing for a client_id repeat. */
  record Stored(Optional<RoomTimeline.Appended> appended, List<UploadViews.Attachment> files) {}

  @Transactional
  public Stored append(UUID roomId, UUID senderId, RoomTimeline.Entry entry, List<UUID> uploadIds) {
    Optional<RoomTimeline.Appended> appended = timeline.append(roomId, senderId, entry);
    if (appended.isEmpty()) {
      return new Stored(appended, List.of());
    }
    return new Stored(
        appended, attachments.attach(entry.id(), senderId, roomId, uploadIds, appended.get().at()));
  }
}

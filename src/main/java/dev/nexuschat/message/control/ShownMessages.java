package dev.nexuschat.message.control;

import dev.nexuschat.upload.control.Attachments;
import dev.nexuschat.upload.control.UploadViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What messages show besides their own row, for one viewer: their reactions (with "reacted by me")
 * and their files, one query each for a whole list. Every list of messages the API answers
 * (history, the window around a message, a thread, the followed threads, mentions, search) goes
 * through here, so none shows a message without them.
 */
@ApplicationScoped
public class ShownMessages {
  @Inject Reactions reactions;
  @Inject Attachments attachments;

  /**
   * {@code items}, in their order, with their reactions as {@code viewerId} sees them and files.
   */
  public List<MessageViews.Item> complete(List<MessageViews.Item> items, UUID viewerId) {
    if (items.isEmpty()) {
      return items;
    }
    List<MessageViews.Item> reacted = reactions.attach(items, viewerId);
    Map<UUID, List<UploadViews.Attachment>> files =
        attachments.of(items.stream().map(MessageViews.Item::id).toList());
    if (files.isEmpty()) {
      return reacted;
    }
    return reacted.stream()
        .map(item -> item.withAttachments(files.getOrDefault(item.id(), List.of())))
        .toList();
  }

  public MessageViews.Item complete(MessageViews.Item item, UUID viewerId) {
    return complete(List.of(item), viewerId).get(0);
  }
}

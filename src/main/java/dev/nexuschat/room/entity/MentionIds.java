package dev.nexuschat.room.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How a message row keeps the ids of the members it mentions ({@code messages.mentioned_ids}):
 * space-separated, NULL for none, so any view of a message shows them without another query.
 */
public final class MentionIds {
  private MentionIds() {}

  public static String joined(List<UUID> ids) {
    if (ids == null || ids.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder(ids.size() * 37);
    for (UUID id : ids) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(id);
    }
    return text.toString();
  }

  public static List<UUID> parsed(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    List<UUID> ids = new ArrayList<>();
    for (String id : column.trim().split(" ")) {
      ids.add(UUID.fromString(id));
    }
    return List.copyOf(ids);
  }
}

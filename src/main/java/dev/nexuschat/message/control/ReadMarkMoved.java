package dev.nexuschat.message.control;

import java.time.Instant;
import java.util.UUID;

/** A user read a room up to a point; their other tabs clear the badge. Observe it AFTER_SUCCESS. */
public record ReadMarkMoved(
    UUID roomId, UUID userId, Instant lastReadAt, long unreadCount, long mentionCount) {}

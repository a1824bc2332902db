package dev.nexuschat.room.control;

import java.util.UUID;

/**
 * A user left or was removed from a room; they must stop receiving it at once. Fired inside the
 * transaction; observe it AFTER_SUCCESS.
 */
public record MemberLeft(UUID roomId, UUID userId, UUID removedBy) {}

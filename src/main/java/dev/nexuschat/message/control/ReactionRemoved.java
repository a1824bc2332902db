package dev.nexuschat.message.control;

import java.util.UUID;

/**
 * {@code userId} took back their {@code emoji} on a message; {@code count} users still hold it.
 * Fired inside the transaction; observe it AFTER_SUCCESS.
 */
public record ReactionRemoved(UUID roomId, UUID messageId, String emoji, UUID userId, long count) {}

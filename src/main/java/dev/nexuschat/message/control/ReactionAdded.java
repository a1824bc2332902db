package dev.nexuschat.message.control;

import java.util.UUID;

/**
 * {@code userId} reacted to a message with {@code emoji}, which {@code count} users now hold on it.
 * Fired inside the transaction; observe it AFTER_SUCCESS.
 */
public record ReactionAdded(UUID roomId, UUID messageId, String emoji, UUID userId, long count) {}

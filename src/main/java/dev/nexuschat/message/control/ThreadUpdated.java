package dev.nexuschat.message.control;

import java.time.Instant;
import java.util.UUID;

/**
 * A thread's root counts changed (a reply was posted or deleted): every member's lists update the
 * root's line. {@code lastReplyId} is the newest reply not deleted, null when none is left. Observe
 * it AFTER_SUCCESS.
 */
public record ThreadUpdated(
    UUID roomId, UUID rootId, long replyCount, Instant lastReplyAt, UUID lastReplyId) {}

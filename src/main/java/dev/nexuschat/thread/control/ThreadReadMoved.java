package dev.nexuschat.thread.control;

import java.util.UUID;

/**
 * A user followed, unfollowed or read a thread: their other tabs update the badge and the list.
 * Observe it AFTER_SUCCESS.
 */
public record ThreadReadMoved(UUID userId, ThreadViews.State state) {}

package dev.nexuschat.message.control;

/**
 * A message was stored as number {@code seq} of its room (gapless per room, so receivers can put
 * events from concurrent senders and nodes back into history order). Fired inside the transaction;
 * observe it AFTER_SUCCESS.
 */
public record MessagePosted(MessageViews.Item message, long seq) {}

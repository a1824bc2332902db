package dev.nexuschat.message.control;

/**
 * A message was stored as number {@code seq} of its room (gapless per room, so receivers can put
 * events from concurrent senders and nodes back into history order). Fired inside the transaction;
 * observe it AFTER_SUCCESS. A {@code repeat} was stored earlier, under the same client_id: it is
 * announced again because the first announcement may never have gone out (the node died between the
 * commit and the fan-out), and receivers dedupe by id; it is not a new message.
 */
public record MessagePosted(MessageViews.Item message, long seq, boolean repeat) {}

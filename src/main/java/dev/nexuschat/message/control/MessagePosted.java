package dev.nexuschat.message.control;

/** A message was stored. Fired inside the transaction; observe it AFTER_SUCCESS. */
public record MessagePosted(MessageViews.Item message) {}

package dev.nexuschat.message.control;

/** A message's content changed. Fired inside the transaction; observe it AFTER_SUCCESS. */
public record MessageEdited(MessageViews.Item message) {}

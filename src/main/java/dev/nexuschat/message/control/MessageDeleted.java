package dev.nexuschat.message.control;

import java.util.UUID;

/** A message left the history. Fired inside the transaction; observe it AFTER_SUCCESS. */
public record MessageDeleted(UUID roomId, UUID messageId, UUID deletedBy) {}

package dev.nexuschat.room.control;

import java.util.UUID;

/** A room's name or description changed. Fired inside the transaction; observe it AFTER_SUCCESS. */
public record RoomUpdated(UUID roomId, String name, String description) {}

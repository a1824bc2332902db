package dev.nexuschat.room.control;

import java.util.List;
import java.util.UUID;

/**
 * A room was created (or a direct conversation opened) with these members. Fired inside the
 * transaction; observe it AFTER_SUCCESS.
 */
public record RoomCreated(UUID roomId, List<UUID> memberIds) {}

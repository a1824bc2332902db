package dev.nexuschat.room.control;

import java.util.UUID;

/** A member's role changed. Fired inside the transaction; observe it AFTER_SUCCESS. */
public record MemberUpdated(UUID roomId, RoomViews.Member member) {}

package dev.nexuschat.room.control;

import java.util.UUID;

/** A user was added to a room. Fired inside the transaction; observe it AFTER_SUCCESS. */
public record MemberJoined(UUID roomId, RoomViews.Member member, UUID addedBy) {}

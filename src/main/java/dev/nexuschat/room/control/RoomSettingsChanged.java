package dev.nexuschat.room.control;

/**
 * A member changed their own settings for a room (muted). Fired inside the transaction; observe it
 * AFTER_SUCCESS: their other sockets follow.
 */
public record RoomSettingsChanged(RoomViews.MySettings settings, java.util.UUID userId) {}

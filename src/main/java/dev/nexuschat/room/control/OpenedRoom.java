package dev.nexuschat.room.control;

/**
 * The answer to {@code POST /rooms}: a new room, or the existing direct room of the pair ({@code
 * created} false).
 */
public record OpenedRoom(RoomViews.Detail room, boolean created) {}

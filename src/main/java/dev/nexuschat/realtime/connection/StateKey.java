package dev.nexuschat.realtime.connection;

import java.util.UUID;

/**
 * The key of a state frame (see {@link Outbox}): what it is the state of. Presence: a user ({@code
 * roomId} null); typing: a user in a room.
 */
public record StateKey(String kind, UUID roomId, UUID userId) {}

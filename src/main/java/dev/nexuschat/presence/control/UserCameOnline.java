package dev.nexuschat.presence.control;

import java.util.UUID;

/** A user's first connection on any node opened. */
public record UserCameOnline(UUID userId, String username) {}

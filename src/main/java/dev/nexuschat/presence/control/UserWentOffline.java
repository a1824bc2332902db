package dev.nexuschat.presence.control;

import java.time.Instant;
import java.util.UUID;

/** A user's last connection on every node closed (or its node died and its lease ran out). */
public record UserWentOffline(UUID userId, Instant lastSeenAt) {}

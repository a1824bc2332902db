package dev.nexuschat.auth.control;

import java.util.UUID;

/**
 * This node has just learned that {@code sessionId} is revoked: from its own logout or reuse
 * detection, or from another node through Redis. Fired once per node and session, synchronously, on
 * whatever thread learned it (a request, the Redis subscriber): observers must not block.
 */
public record SessionRevoked(UUID sessionId) {}

package dev.nexuschat.auth.control;

import java.util.UUID;

/**
 * A sign-in session (a refresh-token family) was ended: logged out, or revoked because one of its
 * rotated refresh tokens was presented again. Fired inside the transaction that revoked it.
 */
public record SessionEnded(UUID sessionId, UUID userId) {}

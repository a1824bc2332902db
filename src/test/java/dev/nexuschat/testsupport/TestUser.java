package dev.nexuschat.testsupport;

/** A registered, signed-in user of the running node. */
public record TestUser(
    String id,
    String username,
    String email,
    String displayName,
    String accessToken,
    String refreshToken) {}

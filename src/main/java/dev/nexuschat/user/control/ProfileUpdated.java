package dev.nexuschat.user.control;

/** A user changed their display name or avatar. */
public record ProfileUpdated(UserViews.Summary user) {}

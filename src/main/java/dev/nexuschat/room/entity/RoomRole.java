package dev.nexuschat.room.entity;

import java.util.Locale;
import java.util.Optional;

/** A member's standing in a room. Stored and sent in lower case. */
public enum RoomRole {
  OWNER,
  ADMIN,
  MEMBER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RoomRole> fromWireName(String value) {
    for (RoomRole role : values()) {
      if (role.wireName().equals(value)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}

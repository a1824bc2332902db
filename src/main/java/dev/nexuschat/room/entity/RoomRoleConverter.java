package dev.nexuschat.room.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class RoomRoleConverter implements AttributeConverter<RoomRole, String> {
  @Override
  public String convertToDatabaseColumn(RoomRole role) {
    return role == null ? null : role.wireName();
  }

  @Override
  public RoomRole convertToEntityAttribute(String value) {
    return value == null
        ? null
        : RoomRole.fromWireName(value)
            .orElseThrow(() -> new IllegalStateException("Unknown role in database: " + value));
  }
}

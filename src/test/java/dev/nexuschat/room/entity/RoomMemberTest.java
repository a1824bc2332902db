package dev.nexuschat.room.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.user.entity.User;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RoomMemberTest {
  private final Room room = Room.group(UUID.randomUUID(), "General", null, UUID.randomUUID());

  private RoomMember member(RoomRole role) {
    String name = "u" + UUID.randomUUID().toString().substring(0, 8);
    User user =
        User.register(UUID.randomUUID(), name + "@example.test", name, "User " + name, "hash");
    return RoomMember.join(room, user, role);
  }

  @ParameterizedTest(name = "{0} removes {1}: {2}")
  @CsvSource({
    "OWNER, OWNER, true",
    "OWNER, ADMIN, true",
    "OWNER, MEMBER, true",
    "ADMIN, OWNER, false",
    "ADMIN, ADMIN, false",
    "ADMIN, MEMBER, true",
    "MEMBER, OWNER, false",
    "MEMBER, ADMIN, false",
    "MEMBER, MEMBER, false"
  })
  void removalFollowsTheRoleMatrix(RoomRole actor, RoomRole target, boolean allowed) {
    assertEquals(allowed, member(actor).mayRemove(member(target)));
  }

  @ParameterizedTest
  @EnumSource(RoomRole.class)
  void everyoneMayRemoveThemself(RoomRole role) {
    RoomMember me = member(role);
    assertTrue(me.mayRemove(me));
  }

  @Test
  void onlyTheOwnerMayChangeRoles() {
    assertTrue(member(RoomRole.OWNER).mayChangeRoles());
    assertFalse(member(RoomRole.ADMIN).mayChangeRoles());
    assertFalse(member(RoomRole.MEMBER).mayChangeRoles());
  }

  @ParameterizedTest
  @CsvSource({"OWNER, true", "ADMIN, true", "MEMBER, false"})
  void ownersAndAdminsManageMembersEditTheRoomAndDeleteOthersMessages(
      RoomRole role, boolean allowed) {
    RoomMember member = member(role);
    assertEquals(allowed, member.mayManageMembers());
    assertEquals(allowed, member.mayEditRoom());
    assertEquals(allowed, member.mayDeleteMessagesOfOthers());
  }

  @Test
  void promotedMemberGainsTheRightsOfTheNewRole() {
    RoomMember member = member(RoomRole.MEMBER);
    member.assign(RoomRole.ADMIN);
    assertTrue(member.mayManageMembers());
    assertFalse(member.mayChangeRoles());
    member.assign(RoomRole.OWNER);
    assertTrue(member.mayChangeRoles());
  }

  @Test
  void newMemberStartsWithEverythingAlreadyPostedCountedAsRead() {
    room.nextSeq();
    room.nextSeq();
    room.nextSeq();
    assertEquals(3, member(RoomRole.MEMBER).lastReadSeq());
  }

  @Test
  void rolesTravelInLowerCaseAndUnknownNamesAreRejected() {
    assertEquals("admin", RoomRole.ADMIN.wireName());
    assertEquals(RoomRole.OWNER, RoomRole.fromWireName("owner").orElseThrow());
    assertTrue(RoomRole.fromWireName("OWNER").isEmpty());
    assertTrue(RoomRole.fromWireName("superuser").isEmpty());
    assertTrue(RoomRole.fromWireName(null).isEmpty());
  }
}

package dev.nexuschat.room.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.platform.time.Timestamps;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoomTest {
  private final UUID alice = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private final UUID bob = UUID.fromString("ffffffff-0000-0000-0000-000000000002");

  @Test
  void dmKeyIsTheSameWhoeverOpensTheConversation() {
    assertEquals(Room.dmKey(alice, bob), Room.dmKey(bob, alice));
    // UUIDs compare as signed longs: ffffffff-... is negative and sorts first.
    assertEquals(bob + ":" + alice, Room.dmKey(alice, bob));
  }

  @Test
  void dmKeyFollowsUuidOrderNotStringOrder() {
    // UUID.compareTo compares signed longs: 8000... sorts before 0000... although it sorts after as
    // text.
    UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000000");
    assertEquals(Room.dmKey(high, low), Room.dmKey(low, high));
  }

  @Test
  void dmKeysOfDifferentPairsDiffer() {
    UUID carol = UUID.randomUUID();
    assertFalse(Room.dmKey(alice, bob).equals(Room.dmKey(alice, carol)));
  }

  @Test
  void directRoomCarriesThePairKeyAndNoName() {
    Room dm = Room.direct(UUID.randomUUID(), bob, alice);
    assertTrue(dm.isDirect());
    assertEquals("", dm.name());
  }

  @Test
  void messageTimeNeverGoesBackwardsWhenTheClockDoes() {
    Room room = Room.group(UUID.randomUUID(), "General", null, alice);
    OffsetDateTime future = Timestamps.now().plusHours(1);
    room.messagePosted(UUID.randomUUID(), future);
    assertEquals(future, room.nextMessageTime());
  }

  @Test
  void messageTimeIsNowWhenTheClockIsAhead() {
    Room room = Room.group(UUID.randomUUID(), "General", null, alice);
    OffsetDateTime past = Timestamps.now().minusHours(1);
    room.messagePosted(UUID.randomUUID(), past);
    OffsetDateTime before = Timestamps.now();
    OffsetDateTime next = room.nextMessageTime();
    assertFalse(next.isBefore(before));
  }

  @Test
  void sequenceNumbersIncreaseByOne() {
    Room room = Room.group(UUID.randomUUID(), "General", null, alice);
    assertEquals(1, room.nextSeq());
    assertEquals(2, room.nextSeq());
    assertEquals(2, room.lastSeq());
  }

  @Test
  void latestMessageFallsBackToNoneWhenCleared() {
    Room room = Room.group(UUID.randomUUID(), "General", null, alice);
    assertNull(room.lastMessageId());
    UUID id = UUID.randomUUID();
    room.messagePosted(id, Timestamps.now());
    assertEquals(id, room.lastMessageId());
    room.latestMessageIs(null);
    assertNull(room.lastMessageId());
  }
}

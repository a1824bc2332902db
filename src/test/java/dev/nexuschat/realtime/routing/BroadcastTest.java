package dev.nexuschat.realtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.realtime.connection.StateKey;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BroadcastTest {
  private final UUID room = UUID.randomUUID();
  private final UUID ann = UUID.randomUUID();

  @Test
  void aBroadcastComesOutOfTheNodeToNodeWireAsItWentIn() {
    Broadcast sent =
        Broadcast.to(
                Audience.room(room).except(ann).joining(List.of(UUID.randomUUID())).leaving(ann),
                ServerEvents.NEW_MESSAGE,
                "{\"content\":\"hi\"}")
            .numbered(7)
            .about(ann);

    assertThat(Broadcast.fromWire(sent.toWire())).isEqualTo(sent);
  }

  @Test
  void aPublicationStampedWithItsNodeReadsAsTheBroadcastAndTellsItsNodeApart() {
    Broadcast sent = Broadcast.to(Audience.room(room), ServerEvents.NEW_MESSAGE, "{}").numbered(3);
    String node = UUID.randomUUID().toString();

    String payload = sent.toWire(node);

    assertThat(Broadcast.fromWire(payload)).isEqualTo(sent);
    assertThat(Broadcast.isFrom(payload, node)).isTrue();
    assertThat(Broadcast.isFrom(payload, UUID.randomUUID().toString())).isFalse();
    assertThat(Broadcast.isFrom(sent.toWire(), node)).isFalse();
  }

  @Test
  void anAudienceWithoutJoinersOrExceptionsComesBackWithEmptyListsNotNulls() {
    Broadcast sent = Broadcast.to(Audience.user(ann), ServerEvents.READ_UPDATED, "{}");

    Broadcast heard = Broadcast.fromWire(sent.toWire());

    assertThat(heard).isEqualTo(sent);
    assertThat(heard.audience().roomIds()).isEmpty();
    assertThat(heard.audience().joiningUserIds()).isEmpty();
  }

  @Test
  void presenceIsStatePerUserAndTypingPerUserAndRoom() {
    StateKey online =
        Broadcast.to(
                Audience.rooms(List.of(room, UUID.randomUUID())), ServerEvents.USER_ONLINE, "{}")
            .about(ann)
            .stateKey();
    StateKey typing =
        Broadcast.to(Audience.room(room).except(ann), ServerEvents.USER_TYPING, "{}")
            .about(ann)
            .stateKey();

    assertThat(online).isEqualTo(new StateKey("presence", null, ann));
    assertThat(typing).isEqualTo(new StateKey("typing", room, ann));
    assertThat(Broadcast.to(Audience.room(room), ServerEvents.NEW_MESSAGE, "{}").stateKey())
        .as("history")
        .isNull();
  }

  @Test
  void aOneRoomAudienceIsPublishedOnItsRoomAndItsJoinersChannels() {
    UUID bob = UUID.randomUUID();

    assertThat(Audience.room(room).joining(List.of(bob)).channels())
        .containsExactly("nexus:room:" + room, "nexus:user:" + bob);
    assertThat(Audience.rooms(List.of(room, UUID.randomUUID())).channels())
        .containsExactly("nexus:rooms:several");
    assertThat(Audience.user(bob).channels()).containsExactly("nexus:user:" + bob);
  }
}

package dev.nexuschat.realtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.platform.metrics.NexusMetrics;
import dev.nexuschat.realtime.cluster.ChannelSubscriptions;
import dev.nexuschat.realtime.connection.Connection;
import dev.nexuschat.realtime.connection.FakeSession;
import dev.nexuschat.room.control.MemberRooms;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LocalConnectionsTest {
  private final UUID room = UUID.randomUUID();
  private final LocalConnections local = new LocalConnections();
  private final LocalDelivery delivery = new LocalDelivery();
  private final FakeSession socket = new FakeSession();
  private final Connection connection = socket.connection(16);

  LocalConnectionsTest() {
    socket.completeAtOnce = true;
    local.channels = new ChannelSubscriptions();
    local.orders = new RoomOrders();
    delivery.local = local;
    delivery.orders = local.orders;
    delivery.metrics =
        new NexusMetrics() {
          @Override
          public void fannedOut(int frames, Duration sinceCommit) {}
        };
  }

  /** The database lists {@code room}; while that is read, {@code meanwhile} is delivered. */
  private void readingRooms(Runnable meanwhile) {
    local.memberships =
        new MemberRooms() {
          @Override
          public List<UUID> roomIdsOf(UUID userId) {
            meanwhile.run();
            return List.of(room);
          }
        };
  }

  private void deliverMessage(String text) {
    delivery.deliver(
        Broadcast.to(Audience.room(room), "new_message", "{\"content\":\"" + text + "\"}"));
  }

  @Test
  void aRemovalThatLandsWhileTheRoomsAreReadIsNotUndone() {
    readingRooms(
        () ->
            delivery.deliver(
                Broadcast.to(
                    Audience.room(room).leaving(connection.userId()), "member_left", "{}")));

    local.register(connection);
    deliverMessage("after the removal");

    assertThat(connection.isIn(room)).isFalse();
    assertThat(socket.sent).noneMatch(frame -> frame.contains("after the removal"));
  }

  @Test
  void aRoomLeftAndJoinedAgainWhileTheRoomsAreReadIsEntered() {
    readingRooms(
        () -> {
          delivery.deliver(
              Broadcast.to(Audience.room(room).leaving(connection.userId()), "member_left", "{}"));
          delivery.deliver(
              Broadcast.to(
                  Audience.room(room).joining(List.of(connection.userId())),
                  "member_joined",
                  "{}"));
        });

    local.register(connection);
    deliverMessage("back again");

    assertThat(connection.isIn(room)).isTrue();
    assertThat(socket.sent).anyMatch(frame -> frame.contains("back again"));
  }

  @Test
  void aSocketThatClosesWhileItsRoomsAreReadIsLeftInNoRoom() {
    readingRooms(() -> local.unregister(connection));

    local.register(connection);

    assertThat(connection.isIn(room)).isFalse();
    assertThat(local.count()).isZero();
  }
}

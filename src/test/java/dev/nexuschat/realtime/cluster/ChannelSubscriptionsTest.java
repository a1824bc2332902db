package dev.nexuschat.realtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPubSub;

/**
 * When a channel counts as heard. The subscriptions here are not connected, so the SUBSCRIBEs they
 * are asked to send fail, as on a dying connection; what is asserted is the bookkeeping.
 */
class ChannelSubscriptionsTest {
  private static final String ROOM = "nexus:room:r1";
  private static final String USER = "nexus:user:u1";

  private final ChannelSubscriptions channels = new ChannelSubscriptions();
  private final JedisPubSub live = new JedisPubSub() {};

  private void confirmedSubscription() {
    channels.attach(live);
    channels.confirmed(live);
  }

  @Test
  void withoutAConfirmedSubscriptionNothingIsWaitedFor() {
    channels.follow(ROOM);

    assertThat(channels.whenHeard(List.of(ROOM))).isDone();
  }

  @Test
  void aNewChannelIsHeardOnlyOnceRedisConfirmsIt() {
    confirmedSubscription();
    channels.follow(ROOM);
    channels.follow(USER);

    CompletableFuture<Void> heard = channels.whenHeard(List.of(ROOM, USER));
    assertThat(heard).isNotDone();
    channels.heard(live, ROOM);
    assertThat(heard).isNotDone();
    channels.heard(live, USER);
    assertThat(heard).isDone();
    assertThat(channels.whenHeard(List.of(ROOM))).as("heard already").isDone();
  }

  @Test
  void theChannelsASubscriptionStartsWithAreHeardAsRedisConfirmsEach() {
    channels.follow(ROOM);
    channels.attach(live);
    channels.heard(live, ROOM);
    channels.confirmed(live);

    assertThat(channels.whenHeard(List.of(ROOM))).isDone();
  }

  @Test
  void theConfirmationOfASubscribeSentBeforeADropAndAFollowAgainDoesNotCount() {
    confirmedSubscription();
    channels.follow(ROOM);
    channels.drop(ROOM);
    channels.follow(ROOM);

    CompletableFuture<Void> heard = channels.whenHeard(List.of(ROOM));
    channels.heard(live, ROOM); // the first SUBSCRIBE's
    assertThat(heard).isNotDone();
    channels.heard(live, ROOM);
    assertThat(heard).isDone();
  }

  @Test
  void aConfirmationOfAnEndedSubscriptionIsIgnored() {
    JedisPubSub old = new JedisPubSub() {};
    channels.attach(old);
    channels.confirmed(old);
    channels.follow(ROOM);
    channels.attach(live);
    channels.confirmed(live);

    CompletableFuture<Void> heard = channels.whenHeard(List.of(ROOM));
    channels.heard(old, ROOM);
    assertThat(heard).isNotDone();
    channels.heard(live, ROOM);
    assertThat(heard).isDone();
  }

  @Test
  void aDroppedChannelAndTheEndOfTheSubscriptionReleaseTheirWaiters() {
    confirmedSubscription();
    channels.follow(ROOM);
    channels.follow(USER);
    CompletableFuture<Void> room = channels.whenHeard(List.of(ROOM));
    CompletableFuture<Void> user = channels.whenHeard(List.of(USER));

    channels.drop(ROOM);
    assertThat(room).as("nobody needs it any more").isDone();
    assertThat(user).isNotDone();
    channels.detach(live);
    assertThat(user).as("the node delivers in process now").isDone();
  }
}

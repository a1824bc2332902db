package dev.nexuschat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.LibertyInstance;
import dev.nexuschat.testsupport.Metrics;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.StallingTcpProxy;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.WsClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node whose Redis still accepts connections but has stopped answering: every call to it waits
 * for the client's timeout. Sockets must open and close meanwhile as fast as ever (they once
 * queued, one Redis timeout each, behind a node-wide lock; then waited for a subscription that
 * Redis never confirmed), and what the node could not publish meanwhile must not be lost silently.
 */
@NexusIT
class UnresponsiveRedisIT {
  private static final int USERS = 6;

  /**
   * A few Redis timeouts (2 s each) at most, whatever the number of sockets: one for the handshake,
   * one until the node gives up on the subscription that Redis no longer confirms (sockets wait for
   * their channels before ready). Six sockets queued one timeout each would take 12 s.
   */
  private static final Duration PROMPT = Duration.ofSeconds(6);

  private static final String PUBLISH_FAILURES = "nexus_fanout_publish_failures_total";
  private static final String ASKED_TO_CATCH_UP = "nexus_sockets_asked_to_catch_up_total";

  private static StallingTcpProxy redis;
  private static LibertyInstance node;

  @BeforeAll
  static void startNodeBehindAStallableRedis() {
    URI real = URI.create(NexusServer.services().redisUrl());
    redis = StallingTcpProxy.to(real.getHost(), real.getPort());
    node =
        NexusServer.startAnotherNode(
            "redis-stalls", Map.of("NEXUS_REDIS_URL", "redis://127.0.0.1:" + redis.port()));
  }

  @AfterAll
  static void stop() {
    try {
      if (node != null) {
        node.close();
      }
    } finally {
      if (redis != null) {
        redis.close();
      }
    }
  }

  @Test
  void socketsOpenAndClosePromptlyWhileRedisHangs() throws Exception {
    redis.resume();
    List<TestUser> users = new ArrayList<>();
    for (int n = 0; n < USERS; n++) {
      users.add(Api.newUser(node.baseUrl(), "stall_" + n));
    }
    redis.stall();

    assertThat(openTogether(users)).allSatisfy(took -> assertThat(took).isLessThan(PROMPT));
    // Their closes start grace periods whose end releases leases in the hung Redis; sockets that
    // open meanwhile must not wait for that either.
    assertThat(openTogether(users)).allSatisfy(took -> assertThat(took).isLessThan(PROMPT));
  }

  /**
   * Ann posts on this node while its Redis hangs: the publish times out and only this node delivers
   * it. Bob's socket on the shared node never heard of it; once this node's Redis answers again, it
   * announces the loss and Bob's node asks him to catch up (1012).
   */
  @Test
  void anEventANodeCouldNotPublishMakesItsRecipientsElsewhereCatchUpOnceRedisAnswers() {
    redis.resume();
    String shared = NexusServer.node().baseUrl();
    TestUser ann = Api.newUser("stall_ann");
    TestUser bob = Api.newUser("stall_bob");
    String room = Api.newRoom(ann, bob);
    double failuresBefore = Metrics.scrape(node.baseUrl()).value(PUBLISH_FAILURES);
    double askedBefore = Metrics.scrape(shared).value(ASKED_TO_CATCH_UP);
    try (WsClient bobElsewhere = WsClient.connect(shared, bob.accessToken())) {
      redis.stall();
      try {
        postOnTheStallingNode(ann, room, "published nowhere");
      } finally {
        redis.resume();
      }

      assertThat(bobElsewhere.awaitClose(Duration.ofSeconds(40))).isEqualTo(1012);
    }
    assertThat(Metrics.scrape(node.baseUrl()).value(PUBLISH_FAILURES))
        .isGreaterThan(failuresBefore);
    assertThat(Metrics.scrape(shared).value(ASKED_TO_CATCH_UP)).isGreaterThan(askedBefore);
  }

  /**
   * The posting node delivers to its own sockets in process, before it publishes: while its Redis
   * hangs, Cat's socket on that node has Ann's message long before Ann's send is answered (the
   * publish waits for the Redis timeout first).
   */
  @Test
  void thePostingNodesOwnSocketsGetTheMessageWithoutWaitingForRedis() throws Exception {
    redis.resume();
    TestUser ann = Api.newUser("local_ann");
    TestUser cat = Api.newUser("local_cat");
    String room = Api.newRoom(ann, cat);
    ExecutorService sender = Executors.newSingleThreadExecutor();
    try (WsClient catHere = WsClient.connect(node.baseUrl(), cat.accessToken())) {
      catHere.ready();
      redis.stall();
      try {
        Future<Long> answeredAt =
            sender.submit(
                () -> {
                  postOnTheStallingNode(ann, room, "not waiting for Redis");
                  return System.nanoTime();
                });
        catHere.await(
            "new_message", message -> "not waiting for Redis".equals(message.getString("content")));
        long deliveredAt = System.nanoTime();

        assertThat(Duration.ofNanos(answeredAt.get() - deliveredAt))
            .isGreaterThan(Duration.ofSeconds(1));
      } finally {
        redis.resume();
      }
    } finally {
      sender.shutdownNow();
    }
  }

  private static void postOnTheStallingNode(TestUser sender, String room, String content) {
    Api.anonymous(node.baseUrl())
        .header("Authorization", "Bearer " + sender.accessToken())
        .body(Map.of("content", content))
        .post("/api/v1/rooms/" + room + "/messages")
        .then()
        .statusCode(201);
  }

  /** Opens one socket per user at once (open = the server answered a ping); then closes them. */
  private static List<Duration> openTogether(List<TestUser> users) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(users.size());
    try {
      List<Future<Duration>> opens = new ArrayList<>();
      List<WsClient> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
      for (TestUser user : users) {
        opens.add(
            pool.submit(
                () -> {
                  long started = System.nanoTime();
                  sockets.add(WsClient.connect(node.baseUrl(), user.accessToken()));
                  return Duration.ofNanos(System.nanoTime() - started);
                }));
      }
      List<Duration> took = new ArrayList<>();
      for (Future<Duration> open : opens) {
        took.add(open.get());
      }
      sockets.forEach(WsClient::close);
      return took;
    } finally {
      pool.shutdownNow();
    }
  }
}

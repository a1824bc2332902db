package dev.nexuschat.realtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.realtime.routing.OwnBroadcasts.DeliveryThread;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OwnBroadcastsTest {
  private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
  private DeliveryThread<String> thread;

  private DeliveryThread<String> started(int capacity, Consumer<String> deliver) {
    thread = new DeliveryThread<>(new ArrayBlockingQueue<>(capacity), deliver);
    thread.start(new Thread(thread::deliverUntilStopped, "test-delivery"));
    return thread;
  }

  @AfterEach
  void stop() {
    if (thread != null) {
      thread.stop();
    }
  }

  @Test
  void thePublisherDoesNotWaitForTheFanOut() throws Exception {
    CountDownLatch fanOutMayFinish = new CountDownLatch(1);
    started(
        10,
        item -> {
          await(fanOutMayFinish);
          delivered.add(item);
        });
    long started = System.nanoTime();
    thread.hand("new_message");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1000);
    assertThat(delivered).isEmpty(); // the hand-over returned while the delivery was still held
    fanOutMayFinish.countDown();
    awaitDelivered(1);
    assertThat(delivered).containsExactly("new_message");
  }

  @Test
  void eachPublishersBroadcastsArriveInTheirOrderAndNoneIsLostWhenTheQueueIsFull()
      throws Exception {
    started(
        2, // a tiny queue: publishers wait for room, they neither drop nor overtake
        item -> {
          sleepBriefly();
          delivered.add(item);
        });
    int publishers = 4;
    int each = 50;
    ExecutorService pool = Executors.newFixedThreadPool(publishers);
    List<Future<?>> done = new ArrayList<>();
    for (int p = 0; p < publishers; p++) {
      String name = "p" + p + "-";
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < each; i++) {
                  thread.hand(name + i);
                }
              }));
    }
    for (Future<?> f : done) {
      f.get(20, TimeUnit.SECONDS);
    }
    pool.shutdown();
    awaitDelivered(publishers * each);
    for (int p = 0; p < publishers; p++) {
      String name = "p" + p + "-";
      List<String> own;
      synchronized (delivered) {
        own = delivered.stream().filter(item -> item.startsWith(name)).toList();
      }
      assertThat(own).hasSize(each);
      for (int i = 0; i < each; i++) {
        assertThat(own.get(i)).isEqualTo(name + i);
      }
    }
  }

  @Test
  void aStopDeliversWhatIsQueuedAndLaterBroadcastsGoAtOnce() {
    CountDownLatch release = new CountDownLatch(1);
    started(
        10,
        item -> {
          if (item.equals("first")) {
            await(release);
          }
          delivered.add(item);
        });
    thread.hand("first");
    thread.hand("second");
    thread.hand("third");
    release.countDown();
    thread.stop();
    assertThat(delivered).containsExactly("first", "second", "third");
    thread.hand("after the stop");
    assertThat(delivered).endsWith("after the stop");
  }

  @Test
  void aFailingDeliveryDoesNotEndTheThread() throws Exception {
    started(
        10,
        item -> {
          if (item.equals("poison")) {
            throw new IllegalStateException("a connection's send blew up");
          }
          delivered.add(item);
        });
    thread.hand("poison");
    thread.hand("next");
    awaitDelivered(1);
    assertThat(delivered).containsExactly("next");
  }

  @Test
  void aBroadcastPublishedWhileDeliveringDoesNotWaitForItself() throws Exception {
    started(
        1,
        item -> {
          if (item.equals("closing")) {
            // e.g. a delivery that closes a socket whose close is announced to the room
            thread.hand("left");
            thread.hand("offline"); // the queue of 1 is full now: a wait here would never end
          }
          delivered.add(item);
        });
    thread.hand("closing");
    awaitDelivered(3);
    assertThat(delivered).containsExactlyInAnyOrder("closing", "left", "offline");
  }

  private void awaitDelivered(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (delivered.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(delivered).hasSize(count);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(0, 200_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

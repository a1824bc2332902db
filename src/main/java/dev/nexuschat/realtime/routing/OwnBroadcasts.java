package dev.nexuschat.realtime.routing;

import dev.nexuschat.platform.metrics.NexusMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's own broadcasts on their way to its own connections: handed to one delivery thread, in
 * the order they were published. The sender's answer (a REST response, a socket's {@code ack}) then
 * waits for neither Redis nor its room's fan-out: in a room of 500, queueing the 499 frames on the
 * sender's thread doubled S3's ack time (docs/PERFORMANCE.md, session 8). One thread, as Redis's
 * subscriber thread was before, so everything published on this node reaches each connection in the
 * order it was published.
 */
@ApplicationScoped
public class OwnBroadcasts {
  /** Broadcasts waiting for the delivery thread; past that, publishers wait their turn. */
  static final int CAPACITY = 4096;

  private static final Logger LOG = Logger.getLogger(OwnBroadcasts.class.getName());

  @Inject LocalDelivery local;
  @Inject NexusMetrics metrics;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threadFactory;

  private DeliveryThread<Broadcast> thread;

  @PostConstruct
  void start() {
    BlockingQueue<Broadcast> queue = new ArrayBlockingQueue<>(CAPACITY);
    thread = new DeliveryThread<>(queue, local::deliver);
    metrics.localDeliveryBacklog(queue::size);
    Thread delivering = threadFactory.newThread(thread::deliverUntilStopped);
    delivering.setName("nexus-local-delivery");
    thread.start(delivering);
  }

  /**
   * Starts the thread (and its backlog gauge) with the application, not on the first event; after
   * the schema migration (its priority), so a node whose migration fails starts no thread: started
   * before it, Liberty reported the failed application ready (ProbesIT).
   */
  void onStart(
      @Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) @Initialized(ApplicationScoped.class)
          Object ignored) {
    LOG.fine("Local delivery thread started");
  }

  @PreDestroy
  void stop() {
    thread.stop();
  }

  /** Delivers {@code broadcast} to this node's connections, after every one handed over before. */
  void deliver(Broadcast broadcast) {
    thread.hand(broadcast);
  }

  /**
   * One thread running {@code deliver} over what is handed to it, first in, first out. Never drops
   * and never reorders: a full queue makes the caller wait for room, and after a stop (or on the
   * thread itself, which would wait for itself) the caller delivers at once.
   */
  static final class DeliveryThread<T> {
    private final BlockingQueue<T> queue;
    private final Consumer<T> deliver;
    private volatile boolean stopped;
    private Thread thread;

    DeliveryThread(BlockingQueue<T> queue, Consumer<T> deliver) {
      this.queue = queue;
      this.deliver = deliver;
    }

    void start(Thread thread) {
      this.thread = thread;
      thread.start();
    }

    void hand(T item) {
      if (stopped || Thread.currentThread() == thread) {
        deliverSafely(item);
        return;
      }
      try {
        queue.put(item);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        deliverSafely(item); // not queued: the caller's interrupt must not lose it
        return;
      }
      if (stopped) {
        drain(); // the stop may have come after the thread's last look at the queue
      }
    }

    void deliverUntilStopped() {
      while (!stopped) {
        try {
          T item = queue.poll(1, TimeUnit.SECONDS);
          if (item != null) {
            deliverSafely(item);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      drain();
    }

    void stop() {
      stopped = true;
      if (thread != null) {
        thread.interrupt();
        try {
          thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      drain();
    }

    private void drain() {
      for (T item = queue.poll(); item != null; item = queue.poll()) {
        deliverSafely(item);
      }
    }

    private void deliverSafely(T item) {
      try {
        deliver.accept(item);
      } catch (RuntimeException e) {
        // One broadcast's failure must not end the thread that delivers all the others.
        LOG.log(Level.WARNING, "A broadcast could not be delivered on this node", e);
      }
    }
  }
}

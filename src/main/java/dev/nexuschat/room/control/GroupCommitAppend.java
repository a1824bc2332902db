package dev.nexuschat.room.control;

import dev.nexuschat.platform.metrics.NexusMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PostgreSQL's append under load: group commit. Sends from every room queue to a committer (one per
 * lane, below), which appends whatever has queued since its last commit (up to {@link #MAX_BATCH})
 * in one call of the append function and one commit, so a burst pays for one statement, one round
 * trip and one WAL flush instead of one each. Nothing waits for a batch to fill: an idle server
 * commits each send at once. Each message still follows the single append's rules (the contract
 * test runs on this), so per-room order, gapless numbers and client_id repeats are unchanged; a
 * sender is answered only once its batch is durable.
 *
 * <p>Rooms are spread over {@code NEXUS_APPEND_LANES} committers by id, each with its own queue: a
 * room whose lock another transaction holds for a while stalls the sends of its lane, not of the
 * node, and the lanes' commits overlap.
 *
 * <p>Inside a caller's transaction, when the queue is full, or when a batch fails before its commit
 * (rolled back, so nothing of it is stored), a message is appended on its own ({@link
 * StatementAppend}), and so gets its own answer, error included.
 */
@ApplicationScoped
@Typed(GroupCommitAppend.class)
class GroupCommitAppend implements TimelineAppend {
  private static final Logger LOG = Logger.getLogger(GroupCommitAppend.class.getName());
  static final int MAX_BATCH = 200;
  private static final int QUEUE_CAPACITY = 2_500;

  /** Longer than any commit that still means the database works; then the send fails. */
  private static final long ANSWER_TIMEOUT_SECONDS = 30;

  @Inject StatementAppend single;
  @Inject NexusMetrics metrics;

  @Resource(lookup = "jdbc/nexus")
  DataSource dataSource;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threadFactory;

  @Inject
  @ConfigProperty(name = "NEXUS_APPEND_LANES", defaultValue = "4")
  int laneCount;

  private Lane[] lanes; // written once, before the first send
  private volatile boolean stopped;

  /** A queued send and its answer: the batch's appended rows, or why the batch failed. */
  record Queued(
      StatementAppend.Request request,
      CompletableFuture<Map<UUID, RoomTimeline.Appended>> answer) {}

  /** A batch that failed before its commit: rolled back, so its messages may go on their own. */
  static final class RolledBack extends RuntimeException {
    RolledBack(Throwable cause) {
      super(cause);
    }
  }

  @Override
  public Optional<RoomTimeline.Appended> append(
      UUID roomId, UUID senderId, RoomTimeline.Entry entry) {
    if (stopped || transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      return single.append(roomId, senderId, entry);
    }
    Queued queued =
        new Queued(new StatementAppend.Request(roomId, senderId, entry), new CompletableFuture<>());
    if (!lane(roomId).enqueue(queued)) {
      return single.append(roomId, senderId, entry); // a backlog or a stop: this one goes alone
    }
    Map<UUID, RoomTimeline.Appended> appended;
    try {
      appended = queued.answer().get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RolledBack) {
        return single.append(roomId, senderId, entry);
      }
      throw new PersistenceException("Message not stored", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PersistenceException("Interrupted while the message was stored", e);
    } catch (TimeoutException e) {
      throw new PersistenceException("The database did not commit the message in time", e);
    }
    return single.outcome(appended.get(entry.id()), roomId, senderId, entry);
  }

  @PostConstruct
  void startLanes() {
    lanes = new Lane[Math.max(1, laneCount)];
    for (int index = 0; index < lanes.length; index++) {
      lanes[index] = new Lane(new ArrayBlockingQueue<>(QUEUE_CAPACITY), this::commit);
      Thread committer = threadFactory.newThread(lanes[index]::commitUntilStopped);
      committer.setName("nexus-group-commit-" + index);
      lanes[index].start(committer);
    }
  }

  private Lane lane(UUID roomId) {
    return lanes[Math.floorMod(roomId.hashCode(), lanes.length)];
  }

  /** One committer and its queue. */
  static final class Lane {
    private final BlockingQueue<Queued> queue;
    private final Consumer<List<Queued>> commit;
    private volatile boolean stopped;
    private Thread committer;

    Lane(BlockingQueue<Queued> queue, Consumer<List<Queued>> commit) {
      this.queue = queue;
      this.commit = commit;
    }

    void start(Thread committer) {
      this.committer = committer;
      committer.start();
    }

    /**
     * Queues {@code queued} for the committer; false when it is not queued (full, or stopping) and
     * the caller must append it alone. A send that passed its stop check just before {@link #stop}
     * could otherwise land in the queue after the committer's last drain and wait for its timeout.
     */
    boolean enqueue(Queued queued) {
      if (stopped || !queue.offer(queued)) {
        return false;
      }
      // Read after the offer: a stop not seen here comes later, so its drain finds this one.
      return !stopped || !queue.remove(queued);
    }

    void commitUntilStopped() {
      List<Queued> batch = new ArrayList<>(MAX_BATCH);
      while (!stopped) {
        try {
          Queued first = queue.poll(1, TimeUnit.SECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH - 1);
          commit.accept(batch);
        } catch (InterruptedException e) {
          break;
        } catch (RuntimeException | Error e) {
          // Never out of the loop: every later send of the lane would wait for its timeout.
          LOG.log(Level.SEVERE, "Group commit failed", e);
          batch.forEach(queued -> queued.answer().completeExceptionally(e));
        } finally {
          batch.clear();
        }
      }
      answerLeftAlone();
    }

    /** Stops the committer; sends still queued are answered "append alone". */
    void stop() {
      stopped = true;
      if (committer != null) {
        committer.interrupt();
      }
    }

    private void answerLeftAlone() {
      List<Queued> left = new ArrayList<>();
      queue.drainTo(left);
      left.forEach(queued -> queued.answer().completeExceptionally(new RolledBack(null)));
    }
  }

  /** Appends and commits {@code batch}, then answers each of its senders. */
  private void commit(List<Queued> batch) {
    List<StatementAppend.Request> requests = new ArrayList<>(batch.size());
    batch.forEach(queued -> requests.add(queued.request()));
    Map<UUID, RoomTimeline.Appended> appended;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        appended = StatementAppend.appendAll(connection, requests);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        LOG.log(Level.FINE, "A batch of " + batch.size() + " failed: appending each alone", e);
        batch.forEach(queued -> queued.answer().completeExceptionally(new RolledBack(e)));
        return;
      }
      // A failed commit leaves its outcome unknown: no second attempt, the senders retry
      // (client_id).
      connection.commit();
    } catch (SQLException e) {
      PersistenceException failure = new PersistenceException("Messages maybe not stored", e);
      batch.forEach(queued -> queued.answer().completeExceptionally(failure));
      return;
    }
    batch.forEach(queued -> queued.answer().complete(appended));
    metrics.appendBatch(batch.size()); // after the answers: the batch is durable whatever this does
  }

  @PreDestroy
  void stop() {
    stopped = true;
    for (Lane lane : lanes == null ? new Lane[0] : lanes) {
      lane.stop();
    }
  }
}

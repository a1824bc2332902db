package dev.nexuschat.room;

import static org.awaitility.Awaitility.await;

import dev.nexuschat.testsupport.StoredRows;
import java.time.Duration;

/** What the append tests wait for: a send's append blocked on a room lock the test holds. */
public final class AppendWaits {
  private AppendWaits() {}

  /** Until PostgreSQL shows an append_messages call waiting for a lock. */
  public static void awaitAnAppendWaitingForALock() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                StoredRows.count(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                            + " AND query LIKE '%append_messages%'")
                    > 0);
  }
}

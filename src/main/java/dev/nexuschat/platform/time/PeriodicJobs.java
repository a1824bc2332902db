package dev.nexuschat.platform.time;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Housekeeping that every node runs on the container's managed scheduler, each job a fixed delay
 * after its last run ended, so a slow run never overlaps the next. A run that throws is logged and
 * the job runs again next time (a scheduled task that throws would never run again). All stop with
 * the application.
 */
@ApplicationScoped
public class PeriodicJobs {
  private static final Logger LOG = Logger.getLogger(PeriodicJobs.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();

  /**
   * Runs {@code job} every {@code everySeconds}, the first time one period from now; never when
   * {@code everySeconds} is 0 or less. {@code what} names it in the log.
   */
  public void every(long everySeconds, String what, Runnable job) {
    if (everySeconds > 0) {
      timers.add(
          scheduler.scheduleWithFixedDelay(
              () -> runLogged(what, job), everySeconds, everySeconds, TimeUnit.SECONDS));
    }
  }

  private static void runLogged(String what, Runnable job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, what + " failed; retrying at the next run", e);
    }
  }

  @PreDestroy
  void stop() {
    timers.forEach(timer -> timer.cancel(false));
  }
}

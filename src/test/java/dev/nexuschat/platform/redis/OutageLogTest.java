package dev.nexuschat.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class OutageLogTest {
  private final List<LogRecord> records = new ArrayList<>();
  private final Logger logger = Logger.getAnonymousLogger();

  OutageLogTest() {
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }

  private List<LogRecord> atLeast(Level level) {
    return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue()).toList();
  }

  @Test
  void anOutageIsWarnedAboutOnceWithItsCauseHoweverManyCallsFail() {
    OutageLog outage = new OutageLog(logger, "counting per node");
    RuntimeException cause = new RuntimeException("connection refused");
    for (int call = 0; call < 50; call++) {
      outage.failed(cause);
    }
    assertThat(atLeast(Level.WARNING)).hasSize(1);
    assertThat(atLeast(Level.WARNING).get(0).getThrown()).isSameAs(cause);
    assertThat(outage.isDown()).isTrue();
  }

  @Test
  void theEndOfAnOutageIsLoggedOnceAndTheNextOutageIsWarnedAboutAgain() {
    OutageLog outage = new OutageLog(logger, "counting per node");
    outage.succeeded();
    assertThat(atLeast(Level.INFO)).isEmpty();
    outage.failed(new RuntimeException("first"));
    outage.succeeded();
    outage.succeeded();
    outage.failed(new RuntimeException("second"));
    assertThat(atLeast(Level.INFO))
        .extracting(LogRecord::getLevel)
        .containsExactly(Level.WARNING, Level.INFO, Level.WARNING);
  }
}

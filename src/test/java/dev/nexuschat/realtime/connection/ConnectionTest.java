package dev.nexuschat.realtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConnectionTest {
  @Test
  void readerThatFallsAWholeQueueBehindIsClosedWith1008OffTheFanOutThread() throws IOException {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(2);

    connection.send("f1"); // in flight, never completed: the reader does not read
    connection.send("f2");
    connection.send("f3");
    connection.send("f4"); // the queue (2) is full

    assertThat(fake.closes).as("not closed on the thread that fans out").isEmpty();
    assertThat(fake.closerTasks).hasSize(1);
    assertThat(fake.tooSlowCloses).as("counted once").isEqualTo(1);
    connection.send("f5");
    assertThat(fake.sent).as("nothing more is written").containsExactly("f1");

    assertClosedAsTooSlowByTheCloser(fake);
  }

  @Test
  void readerThatFallsTheByteBoundBehindIsClosedWith1008ThoughFewFramesAreQueued() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(1024, 10);

    connection.send("in flight, not counted: the reader does not read");
    connection.send("aaaa");
    connection.send("bbbb");
    connection.send("cc"); // 10 bytes queued: the bound, not over it
    assertThat(fake.closerTasks).isEmpty();
    connection.send("d"); // 11

    assertThat(fake.tooSlowCloses).as("counted once").isEqualTo(1);
    connection.send("e");
    assertThat(fake.tooSlowCloses).isEqualTo(1);
    assertThat(fake.sent).as("nothing more is written").hasSize(1);
    assertClosedAsTooSlowByTheCloser(fake);
  }

  @Test
  void queuedBytesAreUtf8BytesAndAreGivenBackAsFramesAreWritten() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(1024, 8);

    connection.send("in flight");
    connection.send("\u00e9\u00e9"); // 4 bytes in UTF-8
    connection.send("\ud83d\ude00"); // one emoji: 4 bytes
    fake.completeNext(); // writes the first queued frame: 4 bytes free again
    connection.send("xyzw");
    assertThat(fake.closerTasks).isEmpty();
    connection.send("!");

    assertThat(fake.closerTasks).hasSize(1);
    assertThat(fake.tooSlowCloses).isEqualTo(1);
  }

  @Test
  void stateFramesDoNotCountTowardTheByteBound() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(1024, 16);

    connection.send("in flight");
    for (int i = 0; i < 100; i++) {
      connection.sendState(presenceOf(UUID.randomUUID()), "online-" + "x".repeat(50));
    }
    connection.send("0123456789abcdef");

    assertThat(fake.closerTasks).as("coalescing bounds presence and typing").isEmpty();
  }

  @Test
  void failedWriteStopsQueueingWithoutClosingOnTheIoThread() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(8);

    connection.send("f1");
    connection.send("f2");
    fake.pending.get(0).onResult(new SendResult(new IOException("Broken pipe")));
    connection.send("f3");

    assertThat(fake.closes).isEmpty();
    assertThat(fake.closerTasks).isEmpty();
    assertThat(fake.tooSlowCloses).isZero();
    assertThat(fake.sent).containsExactly("f1");
  }

  @Test
  void framesGoOutOneAtATimeInOrder() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(8);

    connection.send("f1");
    connection.send("f2");
    assertThat(fake.sent).containsExactly("f1");
    fake.pending.get(0).onResult(new SendResult());
    assertThat(fake.sent).containsExactly("f1", "f2");
  }

  private static final UUID ROOM = UUID.randomUUID();

  /** Runs the one close handed to the closer and checks it was a 1008. */
  private static void assertClosedAsTooSlowByTheCloser(FakeSession fake) {
    assertThat(fake.closerTasks).hasSize(1);
    fake.closerTasks.get(0).run();
    assertThat(fake.closes)
        .singleElement()
        .satisfies(
            reason ->
                assertThat(reason.getCloseCode())
                    .isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY));
  }

  private static StateKey presenceOf(UUID user) {
    return new StateKey("presence", null, user);
  }

  private static StateKey typingOf(UUID user) {
    return new StateKey("typing", ROOM, user);
  }

  @Test
  void aConnectStormOfPresenceFramesNeverClosesTheReader() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(4);

    connection.send("first"); // in flight, not completed: the reader is behind
    List<String> online = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String frame = "online-" + i;
      online.add(frame);
      connection.sendState(presenceOf(UUID.randomUUID()), frame);
    }

    assertThat(fake.closerTasks).as("presence does not count toward the 1008 limit").isEmpty();
    assertThat(fake.tooSlowCloses).isZero();
    fake.completeAll();
    assertThat(fake.sent.subList(1, fake.sent.size())).containsExactlyElementsOf(online);
  }

  @Test
  void aNewerStateOfTheSameUserReplacesThePendingOneAndComesAfterWhatWasQueuedMeanwhile() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(8);
    UUID ann = UUID.randomUUID();

    connection.send("in-flight");
    connection.sendState(presenceOf(ann), "ann-online");
    connection.send("message");
    connection.sendState(presenceOf(ann), "ann-offline");
    fake.completeAll();

    assertThat(fake.sent).containsExactly("in-flight", "message", "ann-offline");
  }

  @Test
  void typingThatStopsAroundAMessageEndsStoppedAndTypingAgainAfterItEndsTyping() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(8);
    UUID bob = UUID.randomUUID();

    connection.send("in-flight");
    connection.sendState(typingOf(bob), "bob-typing");
    connection.send("bob-message");
    connection.sendState(typingOf(bob), "bob-stopped");
    connection.send("other-message");
    connection.sendState(typingOf(bob), "bob-typing-again");
    fake.completeAll();

    // The client clears typing on the typist's new_message: typing again must come after it.
    assertThat(fake.sent)
        .containsExactly("in-flight", "bob-message", "other-message", "bob-typing-again");
  }

  @Test
  void presenceAndTypingOfTheSameUserAreDifferentStates() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(8);
    UUID bob = UUID.randomUUID();

    connection.send("in-flight");
    connection.sendState(typingOf(bob), "bob-typing");
    connection.sendState(presenceOf(bob), "bob-online");
    fake.completeAll();

    assertThat(fake.sent).containsExactly("in-flight", "bob-typing", "bob-online");
  }

  @Test
  void historyStillOverflowsWith1008WhileStateFramesArePending() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(2);

    connection.send("in-flight");
    connection.sendState(presenceOf(UUID.randomUUID()), "online");
    connection.send("m1");
    connection.send("m2");
    assertThat(fake.closerTasks).isEmpty();
    connection.send("m3");

    assertThat(fake.closerTasks).hasSize(1);
    assertThat(fake.tooSlowCloses).isEqualTo(1);
    connection.sendState(presenceOf(UUID.randomUUID()), "later");
    fake.completeAll();
    assertThat(fake.sent).as("nothing more is written").containsExactly("in-flight");
  }

  @Test
  void oneHandlerServesEveryWriteOfAConnection() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(8);

    connection.send("f1");
    connection.send("f2");
    fake.completeNext();

    assertThat(fake.pending).hasSize(2);
    assertThat(fake.pending.get(1)).isSameAs(fake.pending.get(0));
  }

  @Test
  void aSocketCountsAsSilentOnlyWhenItWasPingedAfterItLastSpoke() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(8);
    long limit = 1_000;
    long later = System.nanoTime() + 10 * limit + 1_000_000_000L;

    assertThat(connection.silentDespitePing(later, limit))
        .as("a late keep-alive never pinged it: not silent")
        .isFalse();
    assertThat(connection.claimPing()).isTrue();
    assertThat(connection.claimPing()).as("one ping at a time").isFalse();
    connection.ping();
    assertThat(fake.pings).isEqualTo(1);
    assertThat(connection.silentDespitePing(later, limit)).isTrue();
    connection.heard();
    assertThat(connection.silentDespitePing(later, limit))
        .as("spoke after the ping: silent again only after the next one")
        .isFalse();
  }

  @Test
  void writesTheContainerCompletesAtOnceFollowEachOtherWithoutDeepeningTheStack() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(100_000);
    connection.send("in-flight");
    List<String> expected = new ArrayList<>(List.of("in-flight"));
    for (int i = 0; i < 50_000; i++) {
      connection.send("m" + i);
      expected.add("m" + i);
    }

    fake.completeAtOnce = true;
    fake.completeNext();

    assertThat(fake.sent).containsExactlyElementsOf(expected);
    connection.send("after");
    assertThat(fake.sent).last().isEqualTo("after");
  }

  @Test
  void aWriteThatTimesOutClosesTheReaderWith1008OffTheIoThreadInsteadOfLeavingItMute() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(8);

    connection.send("f1");
    connection.send("f2");
    fake.pending
        .get(0)
        .onResult(new SendResult(new SocketTimeoutException("Async operation timed out")));

    assertThat(fake.closes).as("not on the I/O thread").isEmpty();
    assertThat(fake.tooSlowCloses).isEqualTo(1);
    assertThat(fake.closerTasks).hasSize(1);
    assertClosedAsTooSlowByTheCloser(fake);
    assertThat(fake.sent).containsExactly("f1");
  }

  @Test
  void nothingIsWrittenBeforeReadyAndWhatWasQueuedFollowsItNumberedFromOne() {
    FakeSession fake = new FakeSession();
    fake.completeAtOnce = true;
    Connection connection = fake.unstarted(8, Long.MAX_VALUE);
    UUID ann = UUID.randomUUID();

    connection.send("{\"event\":\"ack\"}");
    connection.sendState(presenceOf(ann), "{\"event\":\"user_online\"}");
    assertThat(fake.sent).as("held until ready").isEmpty();

    connection.start("{\"event\":\"ready\",\"data\":{}}");
    connection.send("{\"event\":\"new_message\",\"data\":{}}");

    assertThat(fake.sent)
        .containsExactly(
            "{\"event\":\"ready\",\"data\":{}}",
            "{\"event\":\"ack\"}",
            "{\"event\":\"user_online\"}",
            "{\"event\":\"new_message\",\"data\":{}}");
    assertThat(fake.seqs).as("ready has none; then 1, 2, 3").containsExactly(1L, 2L, 3L);
  }

  @Test
  void aReplacedStateFrameTakesNoNumberSoTheWrittenNumbersHaveNoHoles() {
    FakeSession fake = new FakeSession();
    Connection connection = fake.connection(8);
    UUID bob = UUID.randomUUID();

    connection.send("{\"event\":\"m1\"}");
    for (int i = 0; i < 10; i++) {
      connection.sendState(typingOf(bob), "{\"event\":\"typing-" + i + "\"}");
    }
    connection.send("{\"event\":\"m2\"}");
    fake.completeAll();

    assertThat(fake.sent)
        .containsExactly("{\"event\":\"m1\"}", "{\"event\":\"typing-9\"}", "{\"event\":\"m2\"}");
    assertThat(fake.seqs).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aFrameGetsItsNumberAsItsLastMember() {
    FakeSession fake = new FakeSession();
    fake.completeAtOnce = true;
    Connection connection = fake.unstarted(8, Long.MAX_VALUE);
    List<String> raw = new ArrayList<>();
    fake.rawWrites = raw;

    connection.start(FakeSession.READY);
    connection.send("{\"event\":\"ack\",\"ref\":\"r1\",\"data\":{\"id\":\"}\"}}");

    assertThat(raw)
        .containsExactly(
            FakeSession.READY,
            "{\"event\":\"ack\",\"ref\":\"r1\",\"data\":{\"id\":\"}\"},\"seq\":1}");
  }
}

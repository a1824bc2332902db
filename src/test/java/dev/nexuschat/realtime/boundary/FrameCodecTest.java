package dev.nexuschat.realtime.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameCodecTest {
  /** Deeper than the JSON parser's nesting limit (1000), well under the 64 KiB frame cap. */
  private static final String DEEP = "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);

  @Test
  void deeplyNestedDataIsABadFrame() {
    assertThatThrownBy(
            () -> FrameCodec.decode("{\"event\":\"ping\",\"ref\":\"r1\",\"data\":" + DEEP + "}"))
        .isInstanceOf(BadFrame.class);
  }

  @Test
  void aDeeplyNestedFrameStillHasItsRefForTheErrorReply() {
    assertThat(FrameCodec.refOf("{\"event\":\"ping\",\"data\":" + DEEP + ",\"ref\":\"r2\"}"))
        .isEqualTo("r2");
  }

  @Test
  void aRefNestedInsideDataIsNotTheFramesRef() {
    assertThat(FrameCodec.refOf("{\"event\":\"ping\",\"data\":{\"ref\":\"inner\"}}")).isNull();
  }

  @Test
  void unreadableTextHasNoRef() {
    assertThat(FrameCodec.refOf("{\"ref\":")).isNull();
    assertThat(FrameCodec.refOf("[\"ref\"]")).isNull();
  }
}

package dev.nexuschat.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.nexuschat.platform.errors.Invalid;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReactionEmojiTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "👍",
        "👍🏽",
        "👨‍👩‍👧‍👦",
        "🇫🇷",
        "1️⃣",
        "#️⃣",
        "❤️",
        "🏴󠁧󠁢󠁷󠁬󠁳󠁿",
        "👩🏻‍❤️‍💋‍👨🏼",
        "🫠"
      })
  void oneRecommendedEmojiIsAReaction(String emoji) {
    assertEquals(emoji, ReactionEmoji.require(emoji));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a",
        "ok",
        "👍👍",
        "👍a",
        " 👍",
        "👍 ",
        "\u200d",
        "👍\u200d",
        "🏽",
        "🇫",
        "1",
        "#",
        "\u0000",
        "\n",
        "\u007f",
        "👍\u0000",
        "\u001b[31m",
        "\ufffd",
        "\ud83d",
        "\ufe0f",
        "👍\ufe0f👍"
      })
  void anythingElseIsRefusedNamingTheField(String candidate) {
    Invalid refused = assertThrows(Invalid.class, () -> ReactionEmoji.require(candidate));
    assertEquals("emoji", refused.fieldErrors().get(0).field());
  }

  @Test
  void theSameEmojiWithOrWithoutVariationSelectorsIsStoredInItsFullyQualifiedForm() {
    assertEquals("❤️", ReactionEmoji.require("❤"));
    assertEquals("❤️", ReactionEmoji.require("❤️"));
    assertEquals("👍", ReactionEmoji.require("👍\ufe0f")); // as some pickers send it
    assertEquals("1️⃣", ReactionEmoji.require("1\u20e3"));
    assertEquals("👁️‍🗨️", ReactionEmoji.require("👁‍🗨"));
  }

  @Test
  void nullIsRefused() {
    assertThrows(Invalid.class, () -> ReactionEmoji.require(null));
  }

  @Test
  void hugeInputIsRefusedByLengthAtOnce() {
    ReactionEmoji.require("👍"); // the data loads outside the timed part
    String huge = "👍".repeat(1_000_000);
    assertTimeoutPreemptively(
        Duration.ofMillis(1000),
        () -> assertThrows(Invalid.class, () -> ReactionEmoji.require(huge)));
  }
}

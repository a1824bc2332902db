package dev.nexuschat.message.control;

import com.ibm.icu.text.UnicodeSet;
import dev.nexuschat.platform.errors.Invalid;

/**
 * What a reaction may be: exactly one fully-qualified emoji of Unicode's recommended set
 * (RGI_Emoji: skin tones, ZWJ sequences, flags, keycaps), from ICU's data rather than a pattern of
 * our own. A skin-tone swatch on its own is a modifier, not a reaction.
 */
public final class ReactionEmoji {
  /** UTF-16 units; the longest RGI emoji (a kiss with two skin tones) has 15. */
  public static final int MAX_LENGTH = 32;

  public static final String FIELD = "emoji";

  private ReactionEmoji() {}

  /** Built on first use (~150 ms), then immutable and safe to share. */
  private static final class Recommended {
    static final UnicodeSet EMOJI = new UnicodeSet("[[:RGI_Emoji:]-[:Emoji_Modifier:]]").freeze();
  }

  /** {@code candidate} if it is one emoji; otherwise 400 naming the field. */
  public static String require(String candidate) {
    // Length first: nothing long ever reaches the lookup.
    if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
      throw new Invalid(FIELD, "must be exactly one emoji");
    }
    if (!Recommended.EMOJI.contains(candidate)) {
      throw new Invalid(FIELD, "must be exactly one emoji");
    }
    return candidate;
  }
}

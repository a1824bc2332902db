package dev.nexuschat.message.control;

import com.ibm.icu.text.UnicodeSet;
import dev.nexuschat.platform.errors.Invalid;
import java.util.HashMap;
import java.util.Map;

/**
 * What a reaction may be: exactly one emoji of Unicode's recommended set (RGI_Emoji: skin tones,
 * ZWJ sequences, flags, keycaps), from ICU's data rather than a pattern of our own. A skin-tone
 * swatch on its own is a modifier, not a reaction. Pickers and keyboards differ in where they put
 * the variation selector U+FE0F ("❤" or "❤️", "👍️" or "👍"), so each emoji is stored in its one
 * fully-qualified form: the same emoji is always the same reaction.
 */
public final class ReactionEmoji {
  /** UTF-16 units; the longest RGI emoji (a kiss with two skin tones) has 15. */
  public static final int MAX_LENGTH = 32;

  public static final String FIELD = "emoji";

  private static final String VARIATION_SELECTOR = "\uFE0F";

  private ReactionEmoji() {}

  /** Built on first use (~150 ms), then never changed: safe to share. */
  private static final class Recommended {
    /** Each RGI emoji by its text without variation selectors. */
    static final Map<String, String> BY_BARE_FORM = bareForms();

    private static Map<String, String> bareForms() {
      UnicodeSet set = new UnicodeSet("[[:RGI_Emoji:]-[:Emoji_Modifier:]]").freeze();
      Map<String, String> forms = new HashMap<>();
      for (String emoji : set) {
        forms.put(emoji.replace(VARIATION_SELECTOR, ""), emoji);
      }
      return Map.copyOf(forms);
    }
  }

  /** The fully-qualified form of {@code candidate} if it is one emoji; otherwise 400. */
  public static String require(String candidate) {
    // Length first: nothing long ever reaches the lookup.
    if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
      throw new Invalid(FIELD, "must be exactly one emoji");
    }
    String emoji = Recommended.BY_BARE_FORM.get(candidate.replace(VARIATION_SELECTOR, ""));
    if (emoji == null) {
      throw new Invalid(FIELD, "must be exactly one emoji");
    }
    return emoji;
  }
}

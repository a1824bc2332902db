package dev.nexuschat.message.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MentionTokensTest {
  @Test
  void aWholeUsernameAfterAnAtIsAMentionInLowerCase() {
    MentionTokens found = MentionTokens.of("hi @Bob_1, and (@carol)!");
    assertThat(found.usernameKeys()).containsExactly("bob_1", "carol");
    assertThat(found.room()).isFalse();
  }

  @Test
  void repeatsCountOnce() {
    assertThat(MentionTokens.of("@bob @BOB @bob").usernameKeys()).containsExactly("bob");
  }

  @Test
  void anEmailAddressOrATooShortOrTooLongNameIsNoMention() {
    assertThat(MentionTokens.of("mail bob@example.com").any()).isFalse();
    assertThat(MentionTokens.of("@ab @").any()).isFalse();
    assertThat(MentionTokens.of("@" + "x".repeat(51)).any()).isFalse();
    assertThat(MentionTokens.of("@" + "x".repeat(50)).usernameKeys()).hasSize(1);
  }

  @Test
  void roomAndHereMentionEveryone() {
    assertThat(MentionTokens.of("@room standup").room()).isTrue();
    assertThat(MentionTokens.of("@Here now").room()).isTrue();
    assertThat(MentionTokens.of("@room").usernameKeys()).isEmpty();
    assertThat(MentionTokens.of("@rooms").room()).isFalse();
  }

  @Test
  void codeMentionsNobody() {
    assertThat(MentionTokens.of("run `@bob` now").any()).isFalse();
    assertThat(MentionTokens.of("```\n@bob\n```\n@carol").usernameKeys()).containsExactly("carol");
    assertThat(MentionTokens.of("```\n@bob never closed").any()).isFalse();
    // A backtick that closes nothing on its line is plain text.
    assertThat(MentionTokens.of("it`s @bob\n`x`").usernameKeys()).containsExactly("bob");
  }

  @Test
  void onlyTheFirstFiftyDistinctNamesCountButRoomStillDoes() {
    String text =
        IntStream.range(0, 60).mapToObj(i -> "@user" + i).collect(Collectors.joining(" "))
            + " @room";
    MentionTokens found = MentionTokens.of(text);
    assertThat(found.usernameKeys()).hasSize(MentionTokens.MAX).contains("user0", "user49");
    assertThat(found.usernameKeys()).doesNotContain("user50");
    assertThat(found.room()).isTrue();
  }

  @Test
  void hostileInputIsScannedInLinearTime() {
    String[] inputs = {
      "@".repeat(5000), "`".repeat(5000), "`@a".repeat(1666), "@ab`".repeat(1250), "a@".repeat(2500)
    };
    long start = System.nanoTime();
    for (int round = 0; round < 200; round++) {
      for (String input : inputs) {
        MentionTokens.of(input);
      }
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }
}

package dev.nexuschat.search.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nexuschat.platform.errors.Invalid;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {
  private static SearchQuery.Term word(String word) {
    return new SearchQuery.Term(List.of(word), false);
  }

  @Test
  void wordsAreRequiredQuotesMakeAPhraseOrTakesEitherMinusExcludes() {
    SearchQuery query = SearchQuery.parse("Quarterly \"the Report\" a or b -draft");
    assertThat(query.clauses())
        .containsExactly(
            new SearchQuery.Clause(List.of(word("quarterly"))),
            new SearchQuery.Clause(List.of(new SearchQuery.Term(List.of("the", "report"), false))),
            new SearchQuery.Clause(List.of(word("a"), word("b"))),
            new SearchQuery.Clause(List.of(new SearchQuery.Term(List.of("draft"), true))));
  }

  @Test
  void quotedWordsAreAPhraseOneQuotedWordIsNot() {
    assertThat(SearchQuery.parse("release \"going out today\"").hasPhrase()).isTrue();
    assertThat(SearchQuery.parse("release \"today\" -draft").hasPhrase()).isFalse();
    assertThat(SearchQuery.parse("release today").hasPhrase()).isFalse();
  }

  @Test
  void anUnclosedQuoteRunsToTheEnd() {
    assertThat(SearchQuery.parse("\"quarterly report").clauses())
        .containsExactly(
            new SearchQuery.Clause(
                List.of(new SearchQuery.Term(List.of("quarterly", "report"), false))));
  }

  @Test
  void punctuationAndLoneOperatorsMatchNothingButAreNoError() {
    for (String text : List.of("-", "or or", "\"\"", "&|!", "-word")) {
      assertThat(SearchQuery.parse(text).canMatch()).as(text).isFalse();
    }
  }

  @Test
  void blankLongOrWordyQueriesAreRefused() {
    assertThrows(Invalid.class, () -> SearchQuery.parse(" "));
    assertThrows(Invalid.class, () -> SearchQuery.parse(null));
    assertThrows(Invalid.class, () -> SearchQuery.parse("x".repeat(257)));
    assertThrows(Invalid.class, () -> SearchQuery.parse("a\0b"));
    assertThrows(Invalid.class, () -> SearchQuery.parse("w ".repeat(33)));
    assertThat(SearchQuery.parse("w ".repeat(32)).clauses()).hasSize(32);
  }

  @Test
  void wordsAreLetterAndDigitRunsLowerCased() {
    assertThat(SearchQuery.words("Ça va? 日本語 e-mail 😀x2"))
        .containsExactly("ça", "va", "日本語", "e", "mail", "x2");
  }
}

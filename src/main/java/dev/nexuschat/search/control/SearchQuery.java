package dev.nexuschat.search.control;

import dev.nexuschat.platform.errors.FieldError;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.json.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search as typed, checked, and read the way PostgreSQL's {@code websearch_to_tsquery} reads it:
 * words are ANDed, {@code "quoted words"} are a phrase, {@code or} between two terms makes either
 * do, {@code -word} excludes. Nothing is a syntax error (an unclosed quote runs to the end). The
 * text itself goes to PostgreSQL as typed; the parsed form serves the scanning search and the term
 * count.
 */
public record SearchQuery(String text, List<Clause> clauses) {
  public static final int MAX_LENGTH = 256;
  public static final int MAX_WORDS = 32;

  /** Words that must follow each other, or must not occur when {@code negated}. */
  public record Term(List<String> words, boolean negated) {}

  /** Any one of its terms satisfies the clause; a query needs all its clauses. */
  public record Clause(List<Term> anyOf) {}

  public static SearchQuery parse(String value) {
    List<FieldError> errors = new ArrayList<>();
    String text = TextRules.trimmed(value, "q", 1, MAX_LENGTH, errors);
    if (text == null) {
      throw new Invalid(errors);
    }
    List<Clause> clauses = clauses(text);
    int words =
        clauses.stream().flatMap(c -> c.anyOf().stream()).mapToInt(t -> t.words().size()).sum();
    if (words > MAX_WORDS) {
      throw new Invalid("q", "must have at most " + MAX_WORDS + " words");
    }
    return new SearchQuery(text, clauses);
  }

  /**
   * Whether anything could match: a query of only punctuation or only exclusions matches nothing.
   */
  public boolean canMatch() {
    return clauses.stream().anyMatch(c -> c.anyOf().stream().anyMatch(t -> !t.negated()));
  }

  /** Whether a term is words that must follow each other ({@code "a b"}, or {@code a-b}). */
  public boolean hasPhrase() {
    return clauses.stream().anyMatch(c -> c.anyOf().stream().anyMatch(t -> t.words().size() > 1));
  }

  /** Lower-cased runs of letters and digits: the words of a text, as both sides compare them. */
  public static List<String> words(String text) {
    return wordSpans(text).stream()
        .map(span -> text.substring(span[0], span[1]).toLowerCase(Locale.ROOT))
        .toList();
  }

  /** Where the words of {@code text} are: [start, end) pairs. */
  static List<int[]> wordSpans(String text) {
    List<int[]> spans = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); ) {
      int cp = i < text.length() ? text.codePointAt(i) : ' ';
      boolean part = i < text.length() && Character.isLetterOrDigit(cp);
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        spans.add(new int[] {start, i});
        start = -1;
      }
      i += i < text.length() ? Character.charCount(cp) : 1;
    }
    return spans;
  }

  private static List<Clause> clauses(String text) {
    List<Clause> clauses = new ArrayList<>();
    List<Term> group = new ArrayList<>();
    boolean orPending = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-') {
        negated = true;
        i++;
        if (i >= text.length()) {
          break;
        }
        c = text.charAt(i);
      }
      int end;
      String raw;
      if (c == '"') {
        int close = text.indexOf('"', i + 1);
        end = close < 0 ? text.length() : close + 1;
        raw = text.substring(i + 1, close < 0 ? text.length() : close);
      } else {
        end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        raw = text.substring(i, end);
      }
      i = end;
      if (!negated && c != '"' && raw.equalsIgnoreCase("or")) {
        orPending = !group.isEmpty();
        continue;
      }
      List<String> words = words(raw);
      if (words.isEmpty()) {
        continue;
      }
      Term term = new Term(words, negated);
      if (orPending) {
        group.add(term);
        orPending = false;
      } else {
        if (!group.isEmpty()) {
          clauses.add(new Clause(List.copyOf(group)));
        }
        group = new ArrayList<>(List.of(term));
      }
    }
    if (!group.isEmpty()) {
      clauses.add(new Clause(List.copyOf(group)));
    }
    return List.copyOf(clauses);
  }
}

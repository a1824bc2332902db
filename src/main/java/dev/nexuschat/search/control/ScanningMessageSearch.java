package dev.nexuschat.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Search where there is no full-text index (the embedded H2 database): the caller's messages that
 * contain every required word (LIKE, newest first, at most {@link #SCANNED} rows) are matched here
 * word by word, case-insensitively, a query word matching the words it begins ("report" finds
 * "reports", in place of stemming). Ranked by the number of matches, then newest first. Slower than
 * PostgreSQL, and meant for the small installations the embedded database serves.
 */
@ApplicationScoped
@Typed(ScanningMessageSearch.class)
class ScanningMessageSearch implements MessageSearch {
  /** Rows read at most per search: bounds a query whose words are in nearly every message. */
  static final int SCANNED = 5000;

  private static final Comparator<SearchHit> RESULT_ORDER =
      Comparator.comparingLong(SearchHit::score)
          .thenComparingLong(SearchHit::createdMicros)
          .thenComparing(SearchHit::id, SearchCursor::compare)
          .reversed();

  @PersistenceContext EntityManager em;

  /** A word of the content and where it is. */
  private record Word(String text, int start, int end) {}

  @Override
  public List<SearchHit> find(SearchFilter filter, SearchCursor cursor, int limit) {
    if (!filter.query().canMatch()) {
      return List.of();
    }
    List<String> required = requiredWords(filter.query());
    StringBuilder jpql =
        new StringBuilder(
            "SELECT m.id, m.content, m.createdAt FROM Message m WHERE m.deletedAt IS NULL"
                + " AND m.roomId IN (SELECT rm.roomId FROM RoomMember rm WHERE rm.user.id = :me)");
    if (filter.roomId() != null) {
      jpql.append(" AND m.roomId = :room");
    }
    if (filter.senderId() != null) {
      jpql.append(" AND m.sender.id = :sender");
    }
    for (int i = 0; i < required.size(); i++) {
      jpql.append(" AND LOWER(m.content) LIKE :w").append(i);
    }
    jpql.append(" ORDER BY m.createdAt DESC, m.id DESC");
    TypedQuery<Object[]> query =
        em.createQuery(jpql.toString(), Object[].class)
            .setParameter("me", filter.userId())
            .setMaxResults(SCANNED);
    if (filter.roomId() != null) {
      query.setParameter("room", filter.roomId());
    }
    if (filter.senderId() != null) {
      query.setParameter("sender", filter.senderId());
    }
    for (int i = 0; i < required.size(); i++) {
      query.setParameter("w" + i, "%" + required.get(i) + "%"); // words hold no LIKE wildcards
    }
    List<SearchHit> hits = new ArrayList<>();
    for (Object[] row : query.getResultList()) {
      if (hits.size() == CANDIDATES) {
        break;
      }
      String content = (String) row[1];
      List<int[]> ranges = matches(filter.query(), words(content));
      if (ranges != null) {
        OffsetDateTime at = (OffsetDateTime) row[2];
        long micros = at.toEpochSecond() * 1_000_000 + at.getNano() / 1_000;
        hits.add(
            new SearchHit(
                (UUID) row[0], ranges.size(), micros, Snippets.fromRanges(content, ranges)));
      }
    }
    return hits.stream()
        .filter(hit -> cursor == null || cursor.precedes(hit))
        .sorted(RESULT_ORDER)
        .limit(limit)
        .toList();
  }

  /** Words every match contains: those of clauses with a single, positive term. */
  private static List<String> requiredWords(SearchQuery query) {
    return query.clauses().stream()
        .filter(c -> c.anyOf().size() == 1 && !c.anyOf().get(0).negated())
        .flatMap(c -> c.anyOf().get(0).words().stream())
        .distinct()
        .toList();
  }

  /** The matched ranges, in text order, or null when the content does not match. */
  private static List<int[]> matches(SearchQuery query, List<Word> words) {
    List<int[]> ranges = new ArrayList<>();
    for (SearchQuery.Clause clause : query.clauses()) {
      boolean satisfied = false;
      for (SearchQuery.Term term : clause.anyOf()) {
        List<int[]> found = occurrences(term.words(), words);
        if (term.negated()) {
          satisfied |= found.isEmpty();
        } else if (!found.isEmpty()) {
          satisfied = true;
          ranges.addAll(found);
        }
      }
      if (!satisfied) {
        return null;
      }
    }
    ranges.sort(Comparator.comparingInt(r -> r[0]));
    return ranges;
  }

  /** Where the phrase occurs: each occurrence's words, one range per word. */
  private static List<int[]> occurrences(List<String> phrase, List<Word> words) {
    List<int[]> found = new ArrayList<>();
    for (int i = 0; i + phrase.size() <= words.size(); i++) {
      boolean all = true;
      for (int j = 0; j < phrase.size() && all; j++) {
        all = words.get(i + j).text().startsWith(phrase.get(j));
      }
      if (all) {
        for (int j = 0; j < phrase.size(); j++) {
          found.add(new int[] {words.get(i + j).start(), words.get(i + j).end()});
        }
      }
    }
    return found;
  }

  private static List<Word> words(String content) {
    return SearchQuery.wordSpans(content).stream()
        .map(
            span ->
                new Word(
                    content.substring(span[0], span[1]).toLowerCase(Locale.ROOT), span[0], span[1]))
        .toList();
  }
}

package dev.nexuschat.search.control;

import java.util.List;

/**
 * A search strategy: PostgreSQL full text, or a scan where there is none (H2). Both rank only the
 * {@link #CANDIDATES} newest matches, so a query that matches nearly everything costs a bounded
 * amount of ranking and the results of one query end after that many.
 */
public interface MessageSearch {
  int CANDIDATES = 1000;

  /** Up to {@code limit} hits after {@code cursor} (null: from the best), in result order. */
  List<SearchHit> find(SearchFilter filter, SearchCursor cursor, int limit);
}

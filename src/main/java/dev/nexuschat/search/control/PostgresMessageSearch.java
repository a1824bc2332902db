package dev.nexuschat.search.control;

import dev.nexuschat.platform.errors.Invalid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PostgreSQL full text over the generated {@code search_vector} (changeset 006): the query read by
 * {@code websearch_to_tsquery} in both configurations the vector holds, the {@link #CANDIDATES}
 * newest matches ranked by {@code ts_rank_cd}, and the page's snippets by {@code ts_headline}. How
 * the candidates are found depends on how common the query is ({@link FullTextSearch}, {@link
 * SearchPlan}). A statement timeout bounds what no plan can: words common in everyone's messages
 * but rare in the caller's rooms.
 */
@ApplicationScoped
@Typed(PostgresMessageSearch.class)
class PostgresMessageSearch implements MessageSearch {
  private static final String QUERY_CANCELED = "57014";

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "NEXUS_SEARCH_TIMEOUT_MS", defaultValue = "1500")
  int timeoutMillis;

  @Override
  public List<SearchHit> find(SearchFilter filter, SearchCursor cursor, int limit) {
    try {
      return new FullTextSearch(this::rows, timeoutMillis).find(filter, cursor, limit);
    } catch (PersistenceException e) {
      if (canceled(e)) {
        throw new Invalid(
            "q",
            "matches too many messages to rank in time: add a rarer word, or narrow the search"
                + " with room_id or from");
      }
      throw e;
    }
  }

  private List<Object[]> rows(String sql, List<Object> parameters) {
    Query query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    List<Object[]> rows = new ArrayList<>();
    for (Object row : query.getResultList()) {
      rows.add(row instanceof Object[] columns ? columns : new Object[] {row});
    }
    return rows;
  }

  private static boolean canceled(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}

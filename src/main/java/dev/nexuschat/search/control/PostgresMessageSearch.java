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
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PostgreSQL full text over the generated {@code search_vector} (changeset 006): the query read by
 * {@code websearch_to_tsquery} in both configurations the vector holds, the {@link #CANDIDATES}
 * newest matches (from the GIN index for a rare word; for a common one by walking the messages
 * newest first, changeset 010, until that many matched) ranked by {@code ts_rank_cd}, and the
 * page's snippets by {@code ts_headline}. A statement timeout bounds what neither plan can: words
 * common in everyone's messages but rare in the caller's rooms.
 */
@ApplicationScoped
@Typed(PostgresMessageSearch.class)
class PostgresMessageSearch implements MessageSearch {
  private static final String QUERY_CANCELED = "57014";
  private static final String MARKS = "StartSel=" + Snippets.START + ", StopSel=" + Snippets.STOP;

  /** A long message shows its best fragments (ts_headline's word limits, ends at words)... */
  private static final String FRAGMENTS =
      MARKS + ", MaxWords=35, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

  /** ...a short one is shown whole, down to its last character. */
  private static final String WHOLE = MARKS + ", HighlightAll=true";

  private static final int SHOWN_WHOLE = 400;

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "NEXUS_SEARCH_TIMEOUT_MS", defaultValue = "1500")
  int timeoutMillis;

  @Override
  public List<SearchHit> find(SearchFilter filter, SearchCursor cursor, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "WITH q AS (SELECT websearch_to_tsquery('english', ?1)"
                + " || websearch_to_tsquery('simple', ?1) AS query,"
                // only stop words: 'english' would find nothing to highlight
                + " numnode(websearch_to_tsquery('english', ?1)) = 0 AS stop_words),"
                // The match is written out, not read from q: PostgreSQL then plans with the
                // query's words, walking ix_messages_newest for a common one (stop at the newest
                // matches) and the GIN index for a rare one.
                + " candidates AS (SELECT m.id, m.created_at, m.search_vector FROM messages m"
                + " WHERE m.search_vector @@ (websearch_to_tsquery('english', ?1)"
                + " || websearch_to_tsquery('simple', ?1)) AND m.deleted_at IS NULL"
                + " AND m.room_id IN (SELECT rm.room_id FROM room_members rm WHERE rm.user_id = ?2)");
    if (filter.roomId() != null) {
      sql.append(" AND m.room_id = ?3");
    }
    if (filter.senderId() != null) {
      sql.append(" AND m.sender_id = ?4");
    }
    sql.append(" ORDER BY m.created_at DESC, m.id DESC LIMIT ")
        .append(CANDIDATES)
        .append("), ranked AS (SELECT c.id,")
        .append(" CAST(ts_rank_cd(c.search_vector, q.query, 1) * 1000000 AS bigint) AS score,")
        .append(" CAST(EXTRACT(EPOCH FROM c.created_at) * 1000000 AS bigint) AS micros")
        .append(" FROM candidates c, q), page AS (SELECT * FROM ranked");
    if (cursor != null) {
      sql.append(" WHERE (score, micros, id) < (?5, ?6, ?7)");
    }
    sql.append(" ORDER BY score DESC, micros DESC, id DESC LIMIT ?8)")
        .append(" SELECT p.id, p.score, p.micros, ts_headline(CASE WHEN q.stop_words")
        .append(" THEN CAST('simple' AS regconfig) ELSE CAST('english' AS regconfig) END,")
        .append(" translate(m.content, ?9, ?11), q.query,")
        .append(" CASE WHEN length(m.content) <= " + SHOWN_WHOLE + " THEN ?12 ELSE ?10 END)")
        .append(" FROM page p JOIN messages m ON m.id = p.id, q")
        .append(" ORDER BY p.score DESC, p.micros DESC, p.id DESC");
    Query query =
        em.createNativeQuery(sql.toString())
            .setParameter(1, filter.query().text())
            .setParameter(2, filter.userId())
            .setParameter(8, limit)
            .setParameter(
                9,
                ""
                    + Snippets.LESS_THAN
                    + Snippets.START
                    + Snippets.STOP
                    + Snippets.MASKED_LESS_THAN)
            .setParameter(10, FRAGMENTS)
            .setParameter(12, WHOLE)
            .setParameter(11, String.valueOf(Snippets.MASKED_LESS_THAN));
    if (filter.roomId() != null) {
      query.setParameter(3, filter.roomId());
    }
    if (filter.senderId() != null) {
      query.setParameter(4, filter.senderId());
    }
    if (cursor != null) {
      query
          .setParameter(5, cursor.score())
          .setParameter(6, cursor.createdMicros())
          .setParameter(7, cursor.id());
    }
    List<SearchHit> hits = new ArrayList<>();
    for (Object row : run(query)) {
      Object[] columns = (Object[]) row;
      hits.add(
          new SearchHit(
              (UUID) columns[0],
              ((Number) columns[1]).longValue(),
              ((Number) columns[2]).longValue(),
              Snippets.fromHeadline((String) columns[3])));
    }
    return hits;
  }

  private List<?> run(Query query) {
    // LOCAL: both end with this transaction, the pooled connection keeps its defaults. A custom
    // plan every time: a generic one (the driver prepares a statement after a few runs) would not
    // know the words, and one plan cannot serve both a common and a rare word.
    em.createNativeQuery("SET LOCAL statement_timeout = " + Math.max(1, timeoutMillis))
        .executeUpdate();
    em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
    try {
      return query.getResultList();
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

  private static boolean canceled(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}

-- The search statement of session 8 (first page, no room or sender filter) for pgbench, with ${Q}
-- the query and ${HEAVY} the searching user (search-bench.sh sets both). Since session 9 the server
-- runs it only as its ALL_MATCHES plan; search/control/FullTextSearch chooses among four, measured
-- with every round trip by search-bench-plans.sh.
BEGIN;
SET LOCAL statement_timeout = 1500;
SET LOCAL plan_cache_mode = force_custom_plan;
WITH q AS (SELECT websearch_to_tsquery('english', ${Q}) || websearch_to_tsquery('simple', ${Q}) AS query,
    numnode(websearch_to_tsquery('english', ${Q})) = 0 AS stop_words),
  candidates AS (SELECT m.id, m.created_at, m.search_vector FROM messages m
    WHERE m.search_vector @@ (websearch_to_tsquery('english', ${Q}) || websearch_to_tsquery('simple', ${Q}))
      AND m.deleted_at IS NULL
      AND m.room_id IN (SELECT rm.room_id FROM room_members rm WHERE rm.user_id = '${HEAVY}')
    ORDER BY m.created_at DESC, m.id DESC LIMIT 1000),
  ranked AS (SELECT c.id, CAST(ts_rank_cd(c.search_vector, q.query, 1) * 1000000 AS bigint) AS score,
      CAST(EXTRACT(EPOCH FROM c.created_at) * 1000000 AS bigint) AS micros FROM candidates c, q),
  page AS (SELECT * FROM ranked ORDER BY score DESC, micros DESC, id DESC LIMIT 21)
SELECT p.id, p.score, p.micros, ts_headline(CASE WHEN q.stop_words THEN CAST('simple' AS regconfig)
    ELSE CAST('english' AS regconfig) END, m.content, q.query,
    CASE WHEN length(m.content) <= 400 THEN 'HighlightAll=true' ELSE 'MaxWords=35, MinWords=12, MaxFragments=2' END)
  FROM page p JOIN messages m ON m.id = p.id, q
  ORDER BY p.score DESC, p.micros DESC, p.id DESC;
COMMIT;

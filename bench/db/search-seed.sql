-- Gives the messages of a seeded database (seed.sql) chat-like text for the search benchmark
-- (search-bench.sh, docs/PERFORMANCE.md "Search"): every visible message gets bench_text()
-- (search-text.sql). The GIN index is dropped for the rewrite and built again after it.
--   psql "$URL" -f bench/db/search-text.sql -f bench/db/search-seed.sql
\set ON_ERROR_STOP on
\timing on
DROP INDEX IF EXISTS ix_messages_search;
UPDATE messages SET content = bench_text() WHERE deleted_at IS NULL;
CREATE INDEX ix_messages_search ON messages USING gin (search_vector);
VACUUM (ANALYZE) messages;
SELECT count(*) AS messages, pg_size_pretty(pg_relation_size('ix_messages_search')) AS gin_index,
       pg_size_pretty(pg_total_relation_size('messages')) AS messages_total FROM messages;

-- What the search vector costs a write: the same 100 000 messages into a table shaped like
-- messages without and with changeset 006's generated column and GIN index, in one INSERT each
-- (bulk), then single-row inserts by pgbench (search-insert-one-*.sql, see docs/PERFORMANCE.md).
--   psql "$URL" -f bench/db/search-text.sql -f bench/db/search-insert-cost.sql
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS cost_plain, cost_search, cost_texts;
CREATE TABLE cost_texts AS SELECT i, bench_text() AS content FROM generate_series(1, 100000) i;
CREATE TABLE cost_plain (id bigserial PRIMARY KEY, room_id int NOT NULL, seq bigint NOT NULL,
    content varchar(20000) NOT NULL, UNIQUE (room_id, seq));
CREATE TABLE cost_search (id bigserial PRIMARY KEY, room_id int NOT NULL, seq bigint NOT NULL,
    content varchar(20000) NOT NULL, UNIQUE (room_id, seq),
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, content)
        || CAST('$:200' AS tsvector) || to_tsvector('english'::regconfig, content)) STORED);
CREATE INDEX ON cost_search USING gin (search_vector);
CHECKPOINT;
\timing on
INSERT INTO cost_plain (room_id, seq, content) SELECT i % 100, i, content FROM cost_texts;
INSERT INTO cost_search (room_id, seq, content) SELECT i % 100, i, content FROM cost_texts;
INSERT INTO cost_plain (room_id, seq, content) SELECT i % 100, i + 100000, content FROM cost_texts;
INSERT INTO cost_search (room_id, seq, content) SELECT i % 100, i + 100000, content FROM cost_texts;
\timing off
SELECT pg_size_pretty(pg_total_relation_size('cost_plain')) AS plain,
       pg_size_pretty(pg_total_relation_size('cost_search')) AS with_search;

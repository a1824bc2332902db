-- Grows the seeded hot room (seed.sql) from 1M to 9M messages, for a 10M-message database:
--   psql "$URL" -f bench/db/grow-hot-room.sql    (about 5 minutes on the 2-core build machine)
\set ON_ERROR_STOP on
\timing on
BEGIN;
CREATE TEMP TABLE u AS SELECT id, row_number() OVER (ORDER BY username_key) AS n FROM users;
CREATE INDEX ON u (n);
INSERT INTO messages (id, room_id, seq, sender_id, content, message_type, is_edited, created_at, updated_at, deleted_at)
SELECT gen_random_uuid(), h.id, s, u.id, CASE WHEN s % 100 = 0 THEN '' ELSE repeat('x', 100) END, 'text', false,
       timestamptz '2026-01-02' + (s / 50) * interval '1 second', timestamptz '2026-01-02' + (s / 50) * interval '1 second',
       CASE WHEN s % 100 = 0 THEN timestamptz '2026-01-02' + (s / 50) * interval '1 second' END
  FROM (SELECT id FROM rooms ORDER BY last_seq DESC LIMIT 1) h
  CROSS JOIN generate_series(1000001, 9000000) s
  JOIN u ON u.n = 2 + (s % 9999);
UPDATE rooms r SET last_seq = 9000000, last_activity_at = m.created_at, last_message_id = m.id
  FROM messages m WHERE r.id = m.room_id AND m.seq = 8999999 AND r.last_seq = 1000000;
COMMIT;
ANALYZE messages;
SELECT count(*) FROM messages;

-- Fills a migrated NexusChat PostgreSQL database with a large, skewed data set for EXPLAIN and
-- latency checks (docs/PERFORMANCE.md). Run against an EMPTY database that NexusChat has migrated
-- (start NexusChat once with NEXUS_DB_URL pointing at it):
--   psql "$URL" -v hot_messages=1000000 -v room_messages=500 -v extra_rooms=50000 -f bench/db/seed.sql
-- 10 000 users, 2 000 group rooms of 10 members (and :extra_rooms quiet ones), one "heavy" user in 500 rooms, one hot room with
-- :hot_messages messages and :room_messages in every other room; 50 messages share each
-- created_at second (keyset paging must not rely on unique timestamps); 1% of messages deleted.
\set ON_ERROR_STOP on
\timing on
BEGIN;
INSERT INTO users (id, email, email_key, username, username_key, display_name, display_name_key,
                   password_hash, created_at, updated_at)
SELECT gen_random_uuid(), 'u' || i || '@perf.test', 'u' || i || '@perf.test', 'user' || i, 'user' || i,
       'User ' || i, 'user ' || i, 'not-a-hash', now(), now()
  FROM generate_series(1, 10000) i;
CREATE TEMP TABLE u AS SELECT id, row_number() OVER (ORDER BY username_key) AS n FROM users;
CREATE INDEX ON u (n);

INSERT INTO rooms (id, name, is_direct, created_by, created_at, updated_at, last_seq,
                   last_message_id, last_activity_at, member_count)
SELECT gen_random_uuid(), 'Room ' || r, false, (SELECT id FROM u WHERE n = 1),
       timestamptz '2026-01-01' + r * interval '1 minute', now(), 0,
       '00000000-0000-0000-0000-000000000000', timestamptz '2026-01-01' + r * interval '1 minute', 0
  FROM generate_series(1, 2000) r;
CREATE TEMP TABLE r AS SELECT id, row_number() OVER (ORDER BY created_at) AS n FROM rooms;

INSERT INTO room_members (id, room_id, user_id, role, joined_at, last_read_seq)
SELECT gen_random_uuid(), r.id, u.id, CASE WHEN j = 0 THEN 'owner' ELSE 'member' END,
       timestamptz '2026-01-01', 0
  FROM r CROSS JOIN generate_series(0, 9) j
  JOIN u ON u.n = ((r.n * 7 + j * 13) % 9999) + 2;
-- the heavy user (n = 1) is in the first 500 rooms; :extra_rooms more rooms (two members, no
-- messages) make the rooms table realistically larger than any one user's list
INSERT INTO rooms (id, name, is_direct, created_by, created_at, updated_at, last_seq,
                   last_message_id, last_activity_at, member_count)
SELECT gen_random_uuid(), 'Quiet room ' || q, false, (SELECT id FROM u WHERE n = 2),
       timestamptz '2025-06-01' + q * interval '1 second', now(), 0,
       '00000000-0000-0000-0000-000000000000', timestamptz '2025-06-01' + q * interval '1 second', 0
  FROM generate_series(1, :extra_rooms) q;
INSERT INTO room_members (id, room_id, user_id, role, joined_at, last_read_seq)
SELECT gen_random_uuid(), q.id, u.id, 'owner', q.created_at, 0
  FROM rooms q JOIN u ON u.n = 2 + (abs(hashtext(q.id::text)) % 9999) WHERE q.name LIKE 'Quiet room %';
INSERT INTO room_members (id, room_id, user_id, role, joined_at, last_read_seq)
SELECT gen_random_uuid(), r.id, (SELECT id FROM u WHERE n = 1), 'member', timestamptz '2026-01-01', 0
  FROM r WHERE r.n <= 500;
UPDATE rooms SET member_count = c.n
  FROM (SELECT room_id, count(*) AS n FROM room_members GROUP BY room_id) c WHERE c.room_id = rooms.id;

INSERT INTO messages (id, room_id, seq, sender_id, content, message_type, is_edited, created_at, updated_at)
SELECT gen_random_uuid(), r.id, s, u.id, repeat('x', 100), 'text', false,
       timestamptz '2026-01-02' + (s / 50) * interval '1 second',
       timestamptz '2026-01-02' + (s / 50) * interval '1 second'
  FROM r
  CROSS JOIN LATERAL generate_series(1, CASE WHEN r.n = 1 THEN :hot_messages ELSE :room_messages END) s
  JOIN u ON u.n = ((r.n * 7 + (s % 10) * 13) % 9999) + 2;
UPDATE messages SET deleted_at = created_at, content = '' WHERE seq % 100 = 0;

UPDATE rooms SET last_seq = m.max_seq, last_activity_at = m.at
  FROM (SELECT room_id, max(seq) AS max_seq, max(created_at) AS at FROM messages GROUP BY room_id) m
 WHERE m.room_id = rooms.id;
UPDATE rooms SET last_message_id = m.id
  FROM messages m WHERE m.room_id = rooms.id AND m.seq = rooms.last_seq - 1;
-- everyone has read all but the last 30 messages of each room
UPDATE room_members SET last_read_seq = greatest(0, r.last_seq - 30), last_read_at = now()
  FROM rooms r WHERE r.id = room_members.room_id;
COMMIT;
ANALYZE;
SELECT (SELECT count(*) FROM messages) AS messages, (SELECT count(*) FROM rooms) AS rooms,
       (SELECT count(*) FROM room_members) AS memberships, (SELECT count(*) FROM users) AS users;

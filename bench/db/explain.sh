#!/usr/bin/env bash
# EXPLAIN ANALYZE of the hot queries on a seeded database (see seed.sql), plus pgbench latency
# percentiles for the history page and the room list. Usage: bench/db/explain.sh postgresql://...
set -euo pipefail
URL=${1:?usage: explain.sh <postgres url>}
here=$(dirname "$0")
# The room list is taken from the application's source, so the measured statement is the shipped one.
sed -n '/QUERY = """/,/""";/p' "$here/../../src/main/java/dev/nexuschat/room/control/RoomList.java" \
  | sed '1d;$d' | sed "s/?1/'\${HEAVY}'/" > "$here/room-list.sql"
HOT=$(psql "$URL" -Atc "SELECT id FROM rooms ORDER BY last_seq DESC LIMIT 1")
HOT_SEQ=$(psql "$URL" -Atc "SELECT last_seq FROM rooms WHERE id = '$HOT'")
MID=$(psql "$URL" -Atc "SELECT id FROM messages WHERE room_id = '$HOT' AND seq = $((HOT_SEQ / 2))")
HEAVY=$(psql "$URL" -Atc "SELECT user_id FROM room_members GROUP BY user_id ORDER BY count(*) DESC LIMIT 1")
export HOT MID HEAVY
echo "hot room $HOT ($HOT_SEQ messages), heavy user $HEAVY ($(psql "$URL" -Atc "SELECT count(*) FROM room_members WHERE user_id = '$HEAVY'") rooms)"

run() { # title, sql
  echo; echo "### $1"; echo '```'
  psql "$URL" -Atc "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $2"
  echo '```'
}
run "History: newest page (cursor-less)" "$(envsubst < "$here/history-latest.sql")"
run "History: page before a cursor in the middle of the hot room" "$(envsubst < "$here/history-before.sql")"
run "Catch-up: after= a cursor" "$(envsubst < "$here/history-after.sql")"
run "Room list of the heavy user" "$(envsubst < "$here/room-list.sql")"

echo; echo "### Latency (pgbench, 2 clients, 15 s each)"
for q in history-latest history-before room-list; do
  envsubst < "$here/$q.sql" > "/tmp/pgbench-$q.sql"
  rm -f /tmp/pgbench_log.*
  (cd /tmp && pgbench -n -c 2 -j 2 -T 15 -l -f "/tmp/pgbench-$q.sql" "$URL" > /dev/null)
  cat /tmp/pgbench_log.* | awk '{print $3}' | sort -n | awk -v q="$q" '
    { v[NR] = $1 } END { printf "%-15s n=%d p50=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms\n", q, NR,
      v[int(NR*0.5)]/1000, v[int(NR*0.99)]/1000, v[int(NR*0.999)]/1000, v[NR]/1000 }'
done

#!/usr/bin/env bash
# Message search latency on a seeded database (seed.sql, then search-text.sql + search-seed.sql):
# EXPLAIN ANALYZE of a rare, a middling and a common word, then pgbench percentiles (2 clients,
# 15 s) per band of word frequency, searched by the heavy user (in 500 rooms, the hot room among
# them: ~1.25 million visible messages). Usage: bench/db/search-bench.sh postgresql://...
set -euo pipefail
URL=${1:?usage: search-bench.sh <postgres url>}
here=$(dirname "$0")
HEAVY=$(psql "$URL" -Atc "SELECT user_id FROM room_members GROUP BY user_id ORDER BY count(*) DESC LIMIT 1")
export HEAVY
echo "heavy user $HEAVY: $(psql "$URL" -Atc "SELECT count(*) FROM messages m JOIN room_members r ON r.room_id = m.room_id WHERE r.user_id = '$HEAVY'") messages in their rooms"
for q in "'w40000'" "'w500'" "'w3'" "'the'" "'report deploying'" "'\"release today\"'"; do
  matches=$(psql "$URL" -Atc "SELECT count(*) FROM messages WHERE search_vector @@ (websearch_to_tsquery('english', $q) || websearch_to_tsquery('simple', $q))")
  echo; echo "### q=$q ($matches matching messages in the database)"; echo '```'
  Q="$q" envsubst < "$here/search.sql" | sed '1,2d;/^BEGIN;/d;/^SET LOCAL/d;/^COMMIT;/d' \
    | { printf 'EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) '; cat; } | psql "$URL" -At | grep -E "Execution Time|Bitmap|Index|Limit|Sort" | head -12
  echo '```'
done
echo; echo "### Latency (pgbench, 2 clients, 15 s per band; one random word of the band per query)"
band() { # name, pgbench \set line, query expression
  { echo "$2"; Q="$3" envsubst < "$here/search.sql" | sed '1,2d'; } > "/tmp/pgbench-search-$1.sql"
  rm -f /tmp/pgbench_log.*
  (cd /tmp && pgbench -n -c 2 -j 2 -T 15 -l -f "/tmp/pgbench-search-$1.sql" "$URL" > /dev/null)
  cat /tmp/pgbench_log.* | awk '{print $3}' | sort -n | awk -v q="$1" '
    { v[NR] = $1 } END { printf "%-22s n=%d p50=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms\n", q, NR,
      v[int(NR*0.5)]/1000, v[int(NR*0.99)]/1000, v[int(NR*0.999)]/1000, v[NR]/1000 }'
}
band rare-w10000-50000 '\set n random(10000, 50000)' "'w' || :n"
band middling-w300-3000 '\set n random(300, 3000)' "'w' || :n"
band the-band-w20-w300 '\set n random(20, 300)' "'w' || :n"
band two-words '\set n random(300, 3000)
\set k random(10000, 50000)' "'w' || :n || ' w' || :k"
band common-w1-w20 '\set n random(1, 20)' "'w' || :n"

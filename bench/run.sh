#!/usr/bin/env bash
# One command for the real-time benchmark (bench/README.md):
#   bench/run.sh [S1|S2|S3|S4|S5|S6|all ...]      (default: all)
# Starts what is not running yet (Debian PostgreSQL and Redis, the built Liberty server from
# target/liberty with PostgreSQL + Redis + a JWT secret), seeds the bench accounts straight into
# the database, runs the scenarios and writes one JSON file per scenario under bench/results/.
# Build first: ./mvnw -DskipTests -Dfrontend.test.skip verify
# Knobs (environment): BENCH_PORT (9187), BENCH_DB (nexus_bench), BENCH_REDIS_PORT (6379),
# BENCH_PROCS (2), BENCH_JFR=1 (record a JFR profile of the run into bench/results/),
# BENCH_KEEP_SERVER=1 (leave a server this script started running), BENCH_ARGS (extra harness args),
# BENCH_SERVER_WARMUP (seconds of untimed load on a server this script started, default 60),
# BENCH_FSYNC_TEST (1: time this disk's WAL flush with pg_test_fsync, ~15 s, into <time>-machine.json).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
port="${BENCH_PORT:-9187}"
db="${BENCH_DB:-nexus_bench}"
redis_port="${BENCH_REDIS_PORT:-6379}"
procs="${BENCH_PROCS:-2}"
accounts=1000
wlp="$root/target/liberty/wlp"
out_dir="$root/target/bench-liberty"
results="$here/results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results" "$out_dir"

scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=(all)
[ "${scenarios[0]}" = all ] && scenarios=(S1 S2 S3 S4 S5 S6)

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

# ---- PostgreSQL (Debian cluster) with pg_stat_statements for statement timings ----
cluster="$(ls /etc/postgresql | sort -V | tail -1)"
# pg [DB] <<SQL: psql as the postgres superuser, SQL on stdin, unaligned output.
pg() { PGOPTIONS="-c client_min_messages=warning" su postgres -s /bin/sh -c "psql -qAtX -v ON_ERROR_STOP=1 -d ${1:-postgres}"; }
if ! pg_lsclusters -h | grep -q "^$cluster main .* online"; then
  log "starting PostgreSQL $cluster"
  pg_ctlcluster --skip-systemctl-redirect "$cluster" main start
fi
if [ "$(echo 'SHOW shared_preload_libraries' | pg)" != pg_stat_statements ]; then
  log "enabling pg_stat_statements (restarts PostgreSQL)"
  echo "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" | pg
  pg_ctlcluster --skip-systemctl-redirect "$cluster" main restart
fi
pg <<'SQL'
DO $$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'nexus') THEN
    CREATE ROLE nexus LOGIN PASSWORD 'nexus';
  END IF;
END$$;
SQL
if [ "$(echo "SELECT 1 FROM pg_database WHERE datname = '$db'" | pg)" != 1 ]; then
  echo "CREATE DATABASE $db OWNER nexus" | pg
fi
echo 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' | pg "$db"

# ---- what the numbers depend on, next to them: the box, PostgreSQL's durability settings and
# what a WAL flush costs on this disk (a commit waits for one; a slow disk caps a room's sends).
# The 2026-12-02 rerun that did not reproduce the documented numbers recorded none of this. ----
machine="$results/$stamp-machine.json"
fsync_us=null
if [ "${BENCH_FSYNC_TEST:-1}" = 1 ]; then
  data_dir="$(echo 'SHOW data_directory' | pg)"
  method="$(echo 'SHOW wal_sync_method' | pg)"
  fsync_out="$(timeout 120 "/usr/lib/postgresql/$cluster/bin/pg_test_fsync" -s 1 -f "$data_dir/bench-fsync.tmp" 2>&1 || true)"
  rm -f "$data_dir/bench-fsync.tmp"
  # the first table (one 8 kB write), the line of the method PostgreSQL uses
  fsync_us="$(echo "$fsync_out" | awk -v m="$method" '/one 8kB write/ {t=1} t && $1 == m {print $(NF-1); exit}')"
  [ -n "$fsync_us" ] || fsync_us=null
fi
settings="$(pg <<'SQL'
SELECT json_object_agg(name, setting) FROM pg_settings
 WHERE name IN ('server_version', 'synchronous_commit', 'fsync', 'wal_sync_method', 'commit_delay',
                'full_page_writes', 'shared_buffers', 'max_connections');
SQL
)"
cat >"$machine" <<JSON
{"cpus": $(nproc), "cpu": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)",
 "memMb": $(($(grep MemTotal /proc/meminfo | awk '{print $2}') / 1024)),
 "walFlushMicros": $fsync_us, "postgres": $settings,
 "serverWarmupSeconds": ${BENCH_SERVER_WARMUP:-60}, "java": "$(java -version 2>&1 | head -1 | tr -d '"')"}
JSON
log "machine: $(tr -d '\n' <"$machine")"

# ---- Redis ----
if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
  log "starting Redis on $redis_port"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no >/dev/null
fi

# ---- the server ----
secret_file="$out_dir/jwt-secret"
[ -s "$secret_file" ] || head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$secret_file"
secret="$(cat "$secret_file")"
base="http://127.0.0.1:$port"
started_server=0
if ! curl -fs "$base/health/ready" >/dev/null 2>&1; then
  [ -x "$wlp/bin/server" ] || { log "no built server in $wlp: build first (see the top of this script)"; exit 1; }
  jvm_args="-Xmx1g"
  if [ "${BENCH_JFR:-0}" = 1 ]; then
    jvm_args="$jvm_args -XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=filename=$results/$stamp-server.jfr,dumponexit=true"
  fi
  log "starting Liberty on $port (output $out_dir)"
  # The per-user limits stay checked (their Redis round trip is part of a send) but are raised
  # where the harness exceeds them on purpose: S3/S4 add 300 and 800 members one by one, and above
  # 1000 msg/s S2's clients each send more than the default 60 a minute.
  env WLP_OUTPUT_DIR="$out_dir" JVM_ARGS="$jvm_args" \
    NEXUS_HTTP_PORT="$port" NEXUS_HTTP_HOST=127.0.0.1 NEXUS_DATA_DIR="$out_dir/data" \
    NEXUS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" NEXUS_DB_USER=nexus NEXUS_DB_PASSWORD=nexus \
    NEXUS_REDIS_URL="redis://127.0.0.1:$redis_port" NEXUS_JWT_SECRET="$secret" \
    NEXUS_TRUSTED_PROXIES=127.0.0.1 NEXUS_LIMIT_MEMBER_ADD_BURST=100000 NEXUS_LIMIT_SEND_BURST=100000 \
    "$wlp/bin/server" start nexus >"$out_dir/start.out"
  started_server=1
  for _ in $(seq 1 240); do
    curl -fs "$base/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "$base/health/ready" >/dev/null || { log "server not ready; see $out_dir/nexus/logs/messages.log"; exit 1; }
fi
stop_server() {
  if [ "$started_server" = 1 ] && [ "${BENCH_KEEP_SERVER:-0}" != 1 ]; then
    log "stopping Liberty"
    env WLP_OUTPUT_DIR="$out_dir" "$wlp/bin/server" stop nexus >/dev/null || true
  fi
}
trap stop_server EXIT
server_pid="$(cat "$out_dir/.pid/nexus.pid" 2>/dev/null || pgrep -f -n "wlp.*nexus" || true)"

# ---- bench accounts: inserted directly (registration's bcrypt would take minutes for 1000;
# the harness forges access tokens with the server's secret, so no password is ever checked) ----
pg "$db" <<SQL
INSERT INTO users (id, email, email_key, username, username_key, display_name, display_name_key,
                   password_hash, created_at, updated_at)
SELECT gen_random_uuid(), 'bench' || i || '@bench.test', 'bench' || i || '@bench.test',
       'bench' || i, 'bench' || i, 'Bench ' || i, 'bench ' || i, 'no-login', now(), now()
  FROM generate_series(1, $accounts) i
ON CONFLICT DO NOTHING;
SQL
pg "$db" >"$here/.accounts-$port.json" <<'SQL'
SELECT json_agg(json_build_object('id', id, 'username', username, 'email', email)
                ORDER BY substr(username, 6)::int)
  FROM users WHERE username ~ '^bench[0-9]+$';
SQL

run() {
  local name="$1"; shift
  local file="$results/$stamp-$name.json"
  log "$name: $*"
  # Every scenario starts from no rooms: the harness creates its own, and memberships left by
  # earlier runs (e.g. S4's 1000-member room) would add their members' presence traffic to it.
  echo 'TRUNCATE rooms, room_members, messages CASCADE' | pg "$db" >/dev/null
  echo 'SELECT pg_stat_statements_reset()' | pg "$db" >/dev/null
  node "$here/realtime-bench.mjs" --base "$base" --scenario "$name" --procs "$procs" \
    --jwt-secret "$secret" ${server_pid:+--server-pid "$server_pid"} "$@" ${BENCH_ARGS:-} | tee "$file"
  pg "$db" >"$results/$stamp-$name-statements.txt" <<'SQL'
SELECT calls, round(mean_exec_time::numeric, 3) AS mean_ms, round(total_exec_time::numeric, 1) AS total_ms,
       left(regexp_replace(query, '\s+', ' ', 'g'), 160) AS query
  FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25;
SQL
}

[ -d "$here/node_modules" ] || (cd "$here" && npm ci --silent)
if [ "$started_server" = 1 ] && [ "${BENCH_SERVER_WARMUP:-60}" -gt 0 ]; then
  # A fresh JVM spends its first minute compiling (the JIT used more CPU than the requests did):
  # load it once, untimed, so the scenarios measure a server that has been up for a while.
  log "warming the fresh server up for ${BENCH_SERVER_WARMUP:-60} s (not recorded)"
  node "$here/realtime-bench.mjs" --base "$base" --scenario S1 --rates 100 --warmup 0 \
    --duration "${BENCH_SERVER_WARMUP:-60}" --drain 2 --procs "$procs" --jwt-secret "$secret" >/dev/null
fi
for s in "${scenarios[@]}"; do
  case "$s" in
    S6) run S6 --tabs 10 --warmup 20 --duration 75 ;;  # 10 000 sockets of 1000 accounts, idle past the 60 s keep-alive limit
    S1|S2|S3|S4|S5) run "$s" ;;
    *) log "unknown scenario $s (S1..S6 or all)"; exit 2 ;;
  esac
done
log "results: $results/$stamp-*.json"

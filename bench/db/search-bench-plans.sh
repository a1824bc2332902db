#!/usr/bin/env bash
# Message search latency through the server's own plan choice (search/control/FullTextSearch: the
# estimate, the probe, the chosen statement and any wider retry, every round trip), on a database
# seeded as for search-bench.sh: per word the plan and the median of 5, then 2 clients for
# BENCH_SECONDS (15) per band of word frequency, as the heavy user. Needs the test classes
# (./mvnw -DskipTests verify once). Usage: bench/db/search-bench-plans.sh <jdbc url>, e.g.
#   bench/db/search-bench-plans.sh 'jdbc:postgresql://127.0.0.1:5432/nexus_search_bench?user=nexus&password=nexus'
set -euo pipefail
URL=${1:?usage: search-bench-plans.sh <jdbc url>}
cd "$(dirname "$0")/../.."
./mvnw -q -o -Dfrontend.skip -Dfrontend.test.skip -Dnexus.package.skip -Dspotless.check.skip=true -DskipITs \
  -Dtest=SearchLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsearch.bench.url="$URL" -Dsearch.bench.seconds="${BENCH_SECONDS:-15}" test 2>&1 \
  | grep -v -e '^\[INFO\]' -e '^SLF4J'

#!/usr/bin/env bash
# Starts Debian's nginx in the foreground with docker/nginx/nginx.conf in front of two local nodes.
#
#   run-local.sh PROXY_PORT NODE_1 NODE_2 [WORK_DIR]
#   e.g. run-local.sh 8080 127.0.0.1:9080 127.0.0.1:9081
#
# WORK_DIR (default target/nginx) receives the filled-in config, pid file and temp files; nothing
# outside it is written. nginx runs in the foreground (daemon off): stop it with Ctrl-C or SIGTERM.
# NEXUS_METRICS_ALLOW (default 127.0.0.1) is the network that may read /metrics through the proxy.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ $# -lt 3 ]; then
  sed -n '2,9p' "$0" >&2
  exit 2
fi
export NEXUS_PROXY_PORT="$1" NEXUS_NODE_1="$2" NEXUS_NODE_2="$3"
export NEXUS_METRICS_ALLOW="${NEXUS_METRICS_ALLOW:-127.0.0.1}"
work="$(mkdir -p "${4:-target/nginx}" && cd "${4:-target/nginx}" && pwd)"
nginx_bin="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"

mkdir -p "$work/temp"
# Only the NEXUS_ names: nginx's own $variables must stay as they are.
envsubst '${NEXUS_PROXY_PORT} ${NEXUS_NODE_1} ${NEXUS_NODE_2} ${NEXUS_METRICS_ALLOW}' \
  < "$here/nginx.conf" > "$work/nginx.conf"
"$nginx_bin" -t -q -p "$work/" -c "$work/nginx.conf"
exec "$nginx_bin" -p "$work/" -c "$work/nginx.conf" -g 'daemon off;'

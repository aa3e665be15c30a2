#!/usr/bin/env bash
# HTTP throughput benchmark with wrk (Debian package `wrk`): the release server on loopback, two
# queries, 10 s each, 2 threads, 16 connections. SQLite by default; BENCH_DATABASE_URL=postgres://…
# (a database the user may create tables in) to run on PostgreSQL.
#
#   cargo build --release -p api && bash tests/bench/http.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
WORK="$(mktemp -d)"
ADDR=127.0.0.1:18484
env ${BENCH_DATABASE_URL:+DATABASE_URL=$BENCH_DATABASE_URL} DATA_DIR="$WORK" BIND_ADDR=$ADDR RUST_LOG=warn \
  ./target/release/api >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER; rm -rf "$WORK"' EXIT
until curl -sf "http://$ADDR/readyz" >/dev/null; do sleep 0.1; done
cat > "$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BODY")
LUA
for body in \
  '{"query":"{ memberUnits(first: 20) { totalCount nodes { name kind district } } }"}' \
  '{"query":"{ memberUnits(first: 100) { totalCount nodes { name kind district committees { totalCount } } } }"}'; do
  echo "$body"
  BODY="$body" wrk -t2 -c16 -d10s -s "$WORK/post.lua" "http://$ADDR/graphql" | grep -E "Latency|Requests/sec"
done

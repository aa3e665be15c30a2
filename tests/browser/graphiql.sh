#!/usr/bin/env bash
# GraphiQL offline check (not part of CI; about 3 minutes after a build). It starts the API on a
# throwaway SQLite database, creates a firm's account, and runs graphiql.mjs in headless Chromium
# whose network reaches only the API: the page must render the schema docs, run the example query
# and a subscription, and request nothing from any other host. Screenshots go to
# tests/browser/out/. Needs Debian's `chromium` (installed here when missing and run as root) and
# Node.js with npm (for playwright-core, pinned in package-lock.json).
#
#   bash tests/browser/graphiql.sh            # builds the debug binary
#   API_BIN=target/release/api bash tests/browser/graphiql.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q chromium >/dev/null
  else
    echo "install Debian's chromium first (apt-get install chromium)" >&2
    exit 2
  fi
fi
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
if [ -z "${API_BIN:-}" ]; then
  cargo build -q -p api --bin api
  API_BIN="$ROOT/target/debug/api"
fi
WORK="$(mktemp -d)"
PORT=18090
URL="http://127.0.0.1:$PORT"
PW='browser-check: seven rivers cross the quiet harbour'
API_PID=
cleanup() {
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export DATABASE_URL="sqlite://$WORK/alliance.db?mode=rwc" DATA_DIR="$WORK" BIND_ADDR="127.0.0.1:$PORT"
"$API_BIN" migrate >/dev/null
"$API_BIN" seed >/dev/null
printf '%s\n' "$PW" | "$API_BIN" account create --email firm@browser.test --role ENTERPRISE_STAFF \
  --unit '威高集团股份有限公司' >/dev/null
"$API_BIN" >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 100); do curl -sf "$URL/readyz" >/dev/null && break; sleep 0.1; done
TOKEN="$(curl -s "$URL/graphql" -H 'content-type: application/json' \
  -d "{\"query\":\"mutation(\$i: LoginInput!) { login(input: \$i) { token } }\",\"variables\":{\"i\":{\"email\":\"firm@browser.test\",\"password\":\"$PW\"}}}" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["login"]["token"])')"
API_URL="$URL" FIRM_TOKEN="$TOKEN" OUT="$ROOT/tests/browser/out" node tests/browser/graphiql.mjs

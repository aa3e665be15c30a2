#!/usr/bin/env bash
# Fault tests against the release binary (not part of CI; about 8 minutes on 2 cores). Each
# scenario prints one JSON summary from tests/src/bin/fault-load.rs and a PASS/FAIL line; the
# script exits non-zero when any scenario fails.
#
#   bash tests/bench/faults.sh                 # every scenario
#   bash tests/bench/faults.sh pg sigterm      # some: bombs pg kill connections sqlite-import sigterm
#
# bombs         hostile requests and files (tests/bench/bombs.py): each refused, the process alive,
#               and its peak RSS (VmHWM) over the idle RSS within 256 MB.
# pg            PostgreSQL restarted (fast, then immediate) and stopped for 15 s under concurrent
#               writers of one key and of new keys and a subscriber: no INTERNAL, no acknowledged
#               write lost, no good write refused, no event missed without RESYNC_REQUIRED,
#               /readyz answers within 1 s and turns 503 within 1 s of the stop.
# kill          the API killed (-9) mid-import, while it checks the file and while it writes, on
#               SQLite and PostgreSQL: nothing written, and the same file imports afterwards.
# connections   500 connections querying for 60 s (SQLite and PostgreSQL): no error.
# sqlite-import 50 writers for 30 s on SQLite while a 200,000-row import runs: every write
#               acknowledged or refused with a typed code, never INTERNAL; nothing acknowledged lost.
# sigterm       SIGTERM under load with a stalled client: the process exits within the grace
#               period (10 s) and nothing acknowledged is lost.
#
# Needs PostgreSQL's server binaries (Debian's `postgresql`); run as root it runs them as the
# `postgres` user.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
SCENARIOS="${*:-bombs pg kill connections sqlite-import sigterm}"
cargo build --release -q -p api -p alliance-tests --bin api --bin fault-load
BIN="$ROOT/target/release/api"
LOAD="$ROOT/target/release/fault-load"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PGPORT=55600
PGURL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
PORT=18080
URL="http://127.0.0.1:$PORT"
PW='fault-test: seven rivers cross the quiet harbour'
SCHOOL='威海技师学院'
FIRM='威高集团股份有限公司'
FAILED=0
API_PID=
cleanup() {
  [ -n "$API_PID" ] && kill -9 "$API_PID" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
ms() { date +%s%3N; }
verdict() { # name, condition (python expression over `s`, the summary), summary
  if python3 -c "import json,sys; s=json.loads(sys.argv[1]); sys.exit(0 if ($2) else 1)" "$3"; then
    echo "PASS $1"
  else
    echo "FAIL $1"; FAILED=1
  fi
}

pg_init() {
  mkdir -p "$WORK/pg" "$WORK/pgrun"
  [ "$(id -u)" = 0 ] && chown postgres "$WORK/pg" "$WORK/pgrun"
  as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  pg_ctl_ start
}
pg_ctl_() { # start | stop -m fast | restart -m immediate …
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgrun/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $WORK/pgrun -c max_connections=300" "$@" >/dev/null
}
pg_fresh_db() { # name → url
  psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
  echo "postgres://postgres@127.0.0.1:$PGPORT/$1"
}

start_api() { # database url, data dir
  mkdir -p "$2"
  DATABASE_URL="$1" DATA_DIR="$2" BIND_ADDR="127.0.0.1:$PORT" RUST_LOG=warn \
    "$BIN" serve >>"$2/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 100); do
    curl -sf "$URL/readyz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "the API did not start"; cat "$2/api.log"; exit 1
}
stop_api() { [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null || true; API_PID=; }
accounts() { # database url, data dir
  printf '%s\n' "$PW" | DATABASE_URL="$1" DATA_DIR="$2" "$BIN" account create --email school@fault.test --role SCHOOL_STAFF --unit "$SCHOOL" >/dev/null
  printf '%s\n' "$PW" | DATABASE_URL="$1" DATA_DIR="$2" "$BIN" account create --email firm@fault.test --role ENTERPRISE_STAFF --unit "$FIRM" >/dev/null
}
token() { # e-mail
  curl -s "$URL/graphql" -H 'content-type: application/json' \
    -d "{\"query\":\"mutation(\$i: LoginInput!) { login(input: \$i) { token } }\",\"variables\":{\"i\":{\"email\":\"$1\",\"password\":\"$PW\"}}}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["login"]["token"])'
}
upload() { # token, mutation, file → report JSON
  curl -s "$URL/graphql" -H "authorization: Bearer $1" \
    -F "operations={\"query\":\"mutation(\$f: Upload!) { $2(file: \$f) { rowsRead inserted errorCount checkedAllRows errors { code message } } }\",\"variables\":{\"f\":null}}" \
    -F 'map={"0":["variables.f"]}' -F "0=@$3"
}
placements_count() { # token
  curl -s "$URL/graphql" -H "authorization: Bearer $1" -H 'content-type: application/json' \
    -d '{"query":"{ internshipPlacements(first: 1) { totalCount } }"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["internshipPlacements"]["totalCount"])'
}

kib() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$API_PID/status"; }

pg_init

for scenario in $SCENARIOS; do
case "$scenario" in
bombs)
  echo "== Hostile requests and files, and the server's peak memory"
  dir="$WORK/bombs"; mkdir -p "$dir/files"
  start_api "sqlite://$dir/alliance.db?mode=rwc" "$dir"; accounts "sqlite://$dir/alliance.db?mode=rwc" "$dir"
  t="$(token school@fault.test)"
  python3 tests/bench/bombs.py "$dir/files"
  python3 - "$dir/files" <<'PY'
import sys
out = sys.argv[1]
head = "学号 (studentNumber),姓名 (name),性别 (gender),出生日期 (dateOfBirth)\n"
# 586 KB and 22 MB of bad rows (every row an error).
for name, size in [("bad-586kb.csv", 586_000), ("bad-22mb.csv", 22_000_000)]:
    with open(f"{out}/{name}", "w") as f:
        f.write(head)
        f.write("1,,?,x\n" * (size // 7))
# A 40 MB query in multipart's operations field; a value nested 1,750 deep.
with open(f"{out}/operations-40mb.json", "w") as f:
    f.write('{"query":"{ ' + "alliance { name } " * (40_000_000 // 18) + '}","variables":{"f":null}}')
with open(f"{out}/deep.json", "w") as f:
    f.write('{"query":"{ nodes(ids: ' + "[" * 1750 + '\\"x\\"' + "]" * 1750 + ') { __typename } }"}')
PY
  sleep 1
  idle="$(kib VmRSS)"
  echo "idle RSS: $idle KiB"
  for f in deep.json operations-40mb.json far-column.xlsx row-gap.xlsx cell-200mb.xlsx strings-20m.xlsx strings-2m.xlsx strings-63mib.xlsx bad-586kb.csv bad-22mb.csv; do
    case "$f" in
      deep.json) answer="$(curl -s "$URL/graphql" -H 'content-type: application/json' --data-binary "@$dir/files/$f")" ;;
      operations-40mb.json) answer="$(curl -s -o /dev/null -w 'HTTP %{http_code} (anonymous); ' "$URL/graphql" -F "operations=<$dir/files/$f" -F 'map={}'; curl -s "$URL/graphql" -H "authorization: Bearer $t" -F "operations=<$dir/files/$f" -F 'map={}')" ;;
      *.csv|*.xlsx) answer="$(upload "$t" importStudents "$dir/files/$f")" ;;
    esac
    printf '%-22s peak %7s KiB  %s\n' "$f" "$(kib VmHWM)" "$(echo "$answer" | head -c 240)"
  done
  peak="$(kib VmHWM)"
  echo "peak RSS $peak KiB, $(( (peak - idle) / 1024 )) MiB over the idle $(( idle / 1024 )) MiB"
  if kill -0 "$API_PID" && [ $(( peak - idle )) -le $(( 256 * 1024 )) ]; then
    echo "PASS bombs: refused, alive, within 256 MB over idle"
  else
    echo "FAIL bombs"; FAILED=1
  fi
  stop_api
  ;;
pg)
  echo "== PostgreSQL restarted (fast, immediate) and stopped for 15 s under load"
  db="$(pg_fresh_db faults_pg)"; dir="$WORK/api-pg"
  start_api "$db" "$dir"; accounts "$db" "$dir"
  "$LOAD" --url "$URL" write --email school@fault.test --password "$PW" --write student-same --workers 4 --seconds 50 --tag same >"$WORK/same.json" &
  a=$!
  "$LOAD" --url "$URL" write --email school@fault.test --password "$PW" --write student-distinct --workers 4 --seconds 50 --tag new >"$WORK/new.json" &
  b=$!
  "$LOAD" --url "$URL" write --email firm@fault.test --password "$PW" --write demand --workers 4 --seconds 50 --tag ev --subscribe >"$WORK/demand.json" &
  c=$!
  sleep 6; pg_ctl_ restart -m fast; echo "restarted (fast) at $(ms)"
  sleep 8; pg_ctl_ restart -m immediate; echo "restarted (immediate) at $(ms)"
  sleep 8; pg_ctl_ stop -m fast; stopped=$(ms); echo "stopped at $stopped"
  sleep 15; pg_ctl_ start; started=$(ms); echo "started at $started"
  wait $a $b $c
  for f in same new demand; do echo "$f: $(cat "$WORK/$f.json")"; done
  ok='s["internal"]==0 and not s["lost"] and s["requests"]-s["outcomes"].get("ok",0)-s["outcomes"].get("UNAVAILABLE",0)==0'
  verdict "pg: one key, 4 writers" "$ok" "$(cat "$WORK/same.json")"
  verdict "pg: new keys, 4 writers" "$ok" "$(cat "$WORK/new.json")"
  verdict "pg: demands with a subscriber" "$ok and not s['silentlyMissed'] and s['readyzMaxMs']<1000" "$(cat "$WORK/demand.json")"
  verdict "pg: /readyz 503 within 1 s of the stop, 200 after the start" \
    "any(c['status']==503 and 0<=c['at']-$stopped<=1000 for c in s['readyzChanges']) and any(c['status']==200 and c['at']>=$started for c in s['readyzChanges'])" \
    "$(cat "$WORK/demand.json")"
  kill -0 "$API_PID" && echo "PASS pg: the API ran throughout without a restart" || { echo "FAIL pg: the API died"; FAILED=1; }
  stop_api
  ;;
kill)
  echo "== The API killed (-9) mid-import: while it checks the file, and while it writes"
  "$BIN" synthetic --rows 100000 --out "$WORK/kill" >/dev/null
  for backend in sqlite pg; do
    for moment in checking writing; do
      dir="$WORK/kill-$backend-$moment"
      if [ "$backend" = pg ]; then db="$(pg_fresh_db "kill_$moment")"; else db="sqlite://$dir/alliance.db?mode=rwc"; fi
      mkdir -p "$dir"
      DATABASE_URL="$db" DATA_DIR="$dir" "$BIN" seed >/dev/null
      DATABASE_URL="$db" DATA_DIR="$dir" "$BIN" import students "$WORK/kill/synthetic-students.csv" --unit "$SCHOOL" >/dev/null
      accounts "$db" "$dir"
      start_api "$db" "$dir"
      t="$(token school@fault.test)"
      upload "$t" importPlacements "$WORK/kill/synthetic-placements.csv" >/dev/null 2>&1 &
      if [ "$moment" = checking ]; then
        sleep 1
      else
        # The writing pass has begun: the SQLite write-ahead log grows past 4 MB, or PostgreSQL
        # runs an INSERT into internship_placement.
        for _ in $(seq 1 300); do
          if [ "$backend" = sqlite ]; then
            [ "$(stat -c %s "$dir/alliance.db-wal" 2>/dev/null || echo 0)" -gt 4000000 ] && break
          else
            [ "$(psql -tA -h 127.0.0.1 -p "$PGPORT" -U postgres -c "SELECT count(*) FROM pg_stat_activity WHERE datname = 'kill_writing' AND query LIKE 'INSERT INTO \"internship_placement\"%'")" != 0 ] && break
          fi
          sleep 0.05
        done
      fi
      kill -9 "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=
      start_api "$db" "$dir"
      t="$(token school@fault.test)"
      after_kill="$(placements_count "$t")"
      report="$(upload "$t" importPlacements "$WORK/kill/synthetic-placements.csv")"
      after="$(placements_count "$t")"
      echo "$backend, killed while $moment: $after_kill placements after the kill; then $(echo "$report" | head -c 200); $after placements"
      if [ "$after_kill" = 0 ] && [ "$after" = 100000 ]; then
        echo "PASS kill: $backend while $moment"
      else
        echo "FAIL kill: $backend while $moment"; FAILED=1
      fi
      stop_api
    done
  done
  ;;
connections)
  for backend in sqlite pg; do
    echo "== 500 connections for 60 s on $backend"
    dir="$WORK/conn-$backend"
    if [ "$backend" = pg ]; then db="$(pg_fresh_db conn)"; else db="sqlite://$dir/alliance.db?mode=rwc"; fi
    start_api "$db" "$dir"
    s="$("$LOAD" --url "$URL" connections --connections 500 --seconds 60 2>"$WORK/conn.err")"
    echo "$s"; head -3 "$WORK/conn.err"
    verdict "connections: 500 for 60 s on $backend" 's["errors"]==0' "$s"
    stop_api
  done
  ;;
sqlite-import)
  echo "== 50 writers on SQLite for 30 s while a 200,000-row import runs"
  dir="$WORK/sqlite-import"; db="sqlite://$dir/alliance.db?mode=rwc"
  "$BIN" synthetic --rows 200000 --out "$WORK/big" >/dev/null
  start_api "$db" "$dir"; accounts "$db" "$dir"
  t="$(token school@fault.test)"
  started=$(ms)
  ( upload "$t" importStudents "$WORK/big/synthetic-students.csv" >"$WORK/big-report.json"; echo "import took $(( $(ms) - started )) ms" ) &
  imp=$!
  sleep 1
  s="$("$LOAD" --url "$URL" write --email school@fault.test --password "$PW" --write student-distinct --workers 50 --seconds 30 --tag w --probe 2>"$WORK/w.err")"
  wait $imp
  echo "import: $(cat "$WORK/big-report.json")"
  echo "$s"
  verdict "sqlite-import: writers typed, nothing lost, /readyz within 1 s" 's["internal"]==0 and not s["lost"] and s["outcomes"].get("transport",0)==0 and s["readyzMaxMs"]<1000' "$s"
  verdict "sqlite-import: the import wrote every row" 's["data"]["importStudents"]["inserted"]==200000' "$(cat "$WORK/big-report.json")"
  stop_api
  ;;
sigterm)
  echo "== SIGTERM under load with a stalled client"
  dir="$WORK/sigterm"; db="sqlite://$dir/alliance.db?mode=rwc"
  start_api "$db" "$dir"; accounts "$db" "$dir"
  "$LOAD" --url "$URL" write --email school@fault.test --password "$PW" --write student-distinct --workers 8 --seconds 20 --tag t >"$WORK/sigterm.json" 2>/dev/null &
  load=$!
  sleep 5
  exec 3<>"/dev/tcp/127.0.0.1/$PORT"
  printf 'POST /graphql HTTP/1.1\r\nHost: stalled\r\nContent-Length: 1000\r\n' >&3
  sent=$(ms); kill -TERM "$API_PID"; wait "$API_PID"; code=$?; took=$(( $(ms) - sent )); API_PID=
  exec 3>&-
  echo "exit code $code after $took ms"
  start_api "$db" "$dir"
  wait $load
  s="$(cat "$WORK/sigterm.json")"; echo "$s"
  verdict "sigterm: exit within the 10 s grace, nothing acknowledged lost" "$took<=11000 and $code==0 and not s['lost'] and s['internal']==0" "$s"
  stop_api
  ;;
*) echo "unknown scenario $scenario"; exit 2 ;;
esac
done
exit $FAILED

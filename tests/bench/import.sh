#!/usr/bin/env bash
# Import benchmark: time and peak memory (GNU time's max RSS) of the CLI importing SYNTHETIC
# students and placements, 10,000 and 50,000 rows, CSV and .xlsx, on SQLite (and on PostgreSQL when
# BENCH_DATABASE_URL points at a server where the user may create databases).
#
#   cargo build --release -p api && bash tests/bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="$PWD/target/release/api"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
TIME=/usr/bin/time
for n in 10000 50000; do
  "$BIN" synthetic --rows "$n" --out "$WORK/$n" --xlsx >/dev/null
  for format in csv xlsx; do
    db="$WORK/sqlite-$n-$format"
    DATA_DIR="$db" "$BIN" import students "$WORK/$n/synthetic-students.csv" --unit 威海技师学院 >/dev/null
    DATA_DIR="$db" $TIME -f "SQLite     $n rows $format: %e s, peak RSS %M KB" \
      "$BIN" import placements "$WORK/$n/synthetic-placements.$format" --unit 威海技师学院 >/dev/null
    if [ -n "${BENCH_DATABASE_URL:-}" ]; then
      name="bench_${n}_${format}_$$"
      psql -q "$BENCH_DATABASE_URL" -c "CREATE DATABASE $name"
      url="${BENCH_DATABASE_URL%/*}/$name"
      DATABASE_URL="$url" DATA_DIR="$db" "$BIN" import students "$WORK/$n/synthetic-students.csv" --unit 威海技师学院 >/dev/null
      DATABASE_URL="$url" DATA_DIR="$db" $TIME -f "PostgreSQL $n rows $format: %e s, peak RSS %M KB" \
        "$BIN" import placements "$WORK/$n/synthetic-placements.$format" --unit 威海技师学院 >/dev/null
      psql -q "$BENCH_DATABASE_URL" -c "DROP DATABASE $name"
    fi
  done
done

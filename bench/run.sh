#!/usr/bin/env bash
# Runs every benchmark with its peer in the same run, pinned to one core. Installs the Python
# peers (numpy, openpyxl) into bench/.venv. Figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/talenta-target}"
if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q numpy openpyxl scipy reportlab
fi
bench/.venv/bin/python -c "import reportlab, lap" 2>/dev/null || bench/.venv/bin/pip install -q reportlab lap
export BENCH_PYTHON="$PWD/bench/.venv/bin/python"
if [ "${1:-}" = "kill" ]; then
  echo "== kill -9 at 20 instants of a 100,000-row employees import (release build)"
  TALENTA_KILL_ROWS=100000 TALENTA_KILL_TRIALS=20 \
    cargo test --release -q -p talenta-cli --test faults -- --nocapture 2>&1 | grep -E "kill -9 driver|test result"
  exit 0
fi
if [ "${1:-}" = "http" ]; then
  # Concurrency over HTTP (issue 12): 20 assessors x 500 saves through `talenta serve` on SQLite
  # and on a throwaway PostgreSQL cluster (like scripts/test.sh starts), beside a bare axum +
  # rusqlite handler under the same client. Not pinned: server and client share both cores.
  cargo build --release -q -p talenta-bench -p talenta-cli
  pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
  if [ -z "${TALENTA_BENCH_PG:-}" ] && [ -n "$(pg_bin)" ]; then
    PGBIN="$(pg_bin)"; PGDIR="$(mktemp -d /tmp/talenta-bench-pg.XXXXXX)"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$PGDIR"; as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi
    trap 'as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"' EXIT
    as_pg "$PGBIN/initdb" -A trust -U postgres -D "$PGDIR/data" >/dev/null
    as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
      -o "-k $PGDIR -c listen_addresses='' -c max_connections=200" start >/dev/null
    export TALENTA_BENCH_PG="host=$PGDIR user=postgres dbname=postgres"
  fi
  echo "== Concurrent rating saves over HTTP, 20 assessors x 500 (talenta serve on SQLite and PostgreSQL vs bare axum + rusqlite)"
  TALENTA_BIN="$CARGO_TARGET_DIR/release/talenta" "$CARGO_TARGET_DIR/release/talenta-bench" http 20 500
  exit 0
fi
if [ "${1:-}" = "fuzz" ]; then
  echo "== The csv and xlsx import readers fuzzed, ${2:-60} s each (release build; corpus bench/fuzz/corpus, found inputs bench/fuzz/crashes)"
  cargo build --release -q -p talenta-bench
  "$CARGO_TARGET_DIR/release/talenta-bench" fuzz "${2:-60}"
  exit 0
fi
cargo build --release -q -p talenta-bench -p talenta-cli
BIN="$CARGO_TARGET_DIR/release"
PIN="taskset -c 0"
command -v taskset >/dev/null || PIN=""
echo "== JPM of 1,000,000 employees against their own position (talenta vs numpy)"
$PIN "$BIN/talenta-bench" jpm 1000000
bench/.venv/bin/python -c "import scipy" 2>/dev/null || bench/.venv/bin/pip install -q scipy
echo "== Schedule of the 2,227-person Bekasi event with assessors (talenta vs scipy.optimize.milp / HiGHS), one core"
$PIN "$BIN/talenta-bench" schedule 2227
echo "== Integration and JPM of the 2,227-person Bekasi event from SQLite, 120,258 ratings (talenta vs Python sqlite3 + numpy), one core"
$PIN "$BIN/talenta-bench" integrate 2227
echo "== All 2,227 individual report PDFs after finalising (talenta vs reportlab), one core"
$PIN "$BIN/talenta-bench" reports 2227
echo "== JPM of 15,000 people against each of 2,000 posts (talenta vs numpy broadcasting), one core"
$PIN "$BIN/talenta-bench" jpm-all 15000 2000
echo "== Assignment of 2,000 people to 2,000 posts, JPM-like costs (talenta vs scipy linear_sum_assignment and lap), one core"
$PIN "$BIN/talenta-bench" assign 2000
echo "== Assignment 5,000 x 5,000, uniform random costs (target at most 1.5 s), one core"
$PIN "$BIN/talenta-bench" assign 5000 uniform
echo "== Import of a 100,000-row employees workbook into SQLite (talenta vs openpyxl + sqlite3), both cores"
"$BIN/talenta-bench" import 100000
echo "== The same, pinned to one core (talenta then reads and stores on one thread)"
$PIN "$BIN/talenta-bench" import 100000
echo "== Peak memory of 'talenta import employees' for 1,000,000 rows"
OUT=bench/out/mem; rm -rf "$OUT"; mkdir -p "$OUT"
XLSX=$("$BIN/talenta-bench" gen-employees 1000000 "$OUT")
DB="$OUT/mem.sqlite"
"$BIN/talenta" --database "$DB" init --code bench --name "Pemerintah Kota Bench" >/dev/null
"$BIN/talenta" --database "$DB" import units "$OUT/units.csv" >/dev/null
"$BIN/talenta" --database "$DB" import positions "$OUT/positions.csv" >/dev/null
"$BENCH_PYTHON" - "$BIN/talenta" "$DB" "$XLSX" <<'PY'
import json, resource, subprocess, sys, time
t = time.perf_counter()
subprocess.run([sys.argv[1], "--database", sys.argv[2], "import", "employees", sys.argv[3]], check=True, stdout=subprocess.DEVNULL)
secs = time.perf_counter() - t
peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"bench": "import_employees_1m_peak_memory", "rows": 1000000, "seconds": secs, "rows_per_s": 1000000 / secs, "peak_rss_mb": peak_mb}))
PY
echo "== Employees list page of a 16,151-employee government, 50 connections on loopback (wrk; not pinned)"; bench/web_list.sh
"$0" kill
"$0" http
"$0" fuzz 60

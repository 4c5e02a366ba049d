#!/usr/bin/env bash
# The employees list page (GET /pegawai) of a government of 15,000+ employees under 50
# concurrent connections on loopback, measured with wrk: first page, a name search and page 100.
# Target: p95 at most 50 ms. Nothing is pinned: the server and wrk share the machine's cores.
# Prints one JSON line per variant; fails when any answer is not 200 (lost session, failed login).
# Figures: docs/benchmarks.md. Settings: BENCH_WEB_DURATION (s, default 15),
# BENCH_WEB_CONNECTIONS (default 50), BENCH_WEB_PORT (default: a free port).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/talenta-target}"
DURATION="${BENCH_WEB_DURATION:-15}"
CONNS="${BENCH_WEB_CONNECTIONS:-50}"
ROWS=15000
TENANT=kota-mojokerto
LOGIN=admin.mojokerto
TARGET_P95_MS=50

die() { echo "web_list: $*" >&2; exit 1; }

# wrk from Debian, installed once (waits for another apt-get holding the lock).
if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  APT=($SUDO apt-get -o DPkg::Lock::Timeout=600 -y -qq)
  "${APT[@]}" install wrk >/dev/null 2>&1 || { "${APT[@]}" update >/dev/null && "${APT[@]}" install wrk >/dev/null; }
  command -v wrk >/dev/null || die "wrk could not be installed"
fi
command -v curl >/dev/null || die "curl is needed"

cargo build --release -q -p talenta-bench -p talenta-cli
BIN="$CARGO_TARGET_DIR/release"

# The government: the demo Kota Mojokerto (~1,150 employees, and its accounts) plus 15,000
# generated employees in 50 more units and 2,000 more positions, imported into the same tenant.
OUT=bench/out/web; rm -rf "$OUT"; mkdir -p "$OUT"
DB="$OUT/web.sqlite"
XLSX=$("$BIN/talenta-bench" gen-employees "$ROWS" "$OUT")
"$BIN/talenta" --database "$DB" demo >/dev/null
for kind in units positions; do
  "$BIN/talenta" --database "$DB" --tenant "$TENANT" import "$kind" "$OUT/$kind.csv" >/dev/null
done
"$BIN/talenta" --database "$DB" --tenant "$TENANT" import employees "$XLSX" >/dev/null

# The server (release build); --demo reloads the demo data (no change) and prints the logins.
PORT="${BENCH_WEB_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
BASE="http://127.0.0.1:$PORT"
"$BIN/talenta" --database "$DB" serve --demo --listen "127.0.0.1:$PORT" >"$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 300); do
  grep -q "talenta berjalan" "$OUT/serve.log" && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$OUT/serve.log" >&2; die "the server stopped"; }
  sleep 0.1
done
grep -q "talenta berjalan" "$OUT/serve.log" || die "the server did not start"

# Log in: the form's CSRF token and pre-login cookie, then POST /masuk -> 303 + session cookie.
PASSWORD=$(awk -v l="$LOGIN" '$(NF-1) == l { print $NF }' "$OUT/serve.log")
[ -n "$PASSWORD" ] || die "no password for $LOGIN in $OUT/serve.log"
FORM=$(curl -sS -D "$OUT/pre.headers" "$BASE/masuk")
PRE=$(sed -n 's/^set-cookie: __Host-talenta-pre=\([^;]*\);.*/\1/Ip' "$OUT/pre.headers" | tr -d '\r')
CSRF=$(printf '%s' "$FORM" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
[ -n "$PRE" ] && [ -n "$CSRF" ] || die "no CSRF token or pre-login cookie from GET /masuk"
STATUS=$(curl -sS -o /dev/null -D "$OUT/login.headers" -w '%{http_code}' \
  -H "Cookie: __Host-talenta-pre=$PRE" --data-urlencode "_csrf=$CSRF" \
  --data-urlencode "login=$LOGIN" --data-urlencode "password=$PASSWORD" "$BASE/masuk")
SESSION=$(sed -n 's/^set-cookie: __Host-talenta=\([^;]*\);.*/\1/Ip' "$OUT/login.headers" | tr -d '\r')
[ "$STATUS" = 303 ] && [ -n "$SESSION" ] || die "login as $LOGIN failed (HTTP $STATUS)"
COOKIE="Cookie: __Host-talenta=$SESSION"

# The tenant's size, from the JSON API.
TOTAL=$(curl -sS -H "$COOKIE" "$BASE/api/v1/employees" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
[ "$TOTAL" -ge "$ROWS" ] || die "the tenant holds $TOTAL employees, expected at least $ROWS"

# Warm-up (page cache, connection pool), not reported.
wrk -t2 -c"$CONNS" -d3s --timeout 30s -H "$COOKIE" "$BASE/pegawai" >/dev/null

# CPU time (clock ticks) used so far by the server, and by the whole machine (all processes).
server_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER/stat"; }
host_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
HZ=$(getconf CLK_TCK)

run() { # name path
  local name=$1 path=$2 page matches out ticks host
  page=$(curl -sS -w '\n%{http_code}' -H "$COOKIE" "$BASE$path")
  [ "$(printf '%s' "$page" | tail -n1)" = 200 ] || die "GET $path is not 200"
  matches=$(printf '%s' "$page" | sed -n 's/.*>\([0-9.]*\) pegawai ditemukan.*/\1/p' | tr -d . | head -n1)
  [ -n "$matches" ] || die "GET $path: no 'N pegawai ditemukan' on the page"
  ticks=$(server_ticks); host=$(host_ticks)
  out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 30s --latency \
    -s bench/peers/wrk_latency.lua -H "$COOKIE" "$BASE$path"; times)
  ticks=$(( $(server_ticks) - ticks )); host=$(( $(host_ticks) - host ))
  printf '%s\n' "$out" >"$OUT/wrk-$name.txt"
  # Last line of "times": user and system CPU time of the children, i.e. of wrk.
  printf '%s\n' "$out" | sed -n 's/^WRK_JSON //p; $p' | python3 -c '
import json, re, sys
lines = sys.stdin.read().splitlines()
w = json.loads(lines[0])
wrk_s = sum(int(m) * 60 + float(s) for m, s in re.findall(r"(\d+)m([\d.]+)s", lines[-1]))
name, path, total, matches, conns, target, ticks, host, hz = sys.argv[1:10]
server_s, host_s = int(ticks) / int(hz), int(host) / int(hz)
bad = w["not_200"] + w["socket_errors"] + w["timeouts"]
line = json.dumps({
    "bench": "web_employees_list", "variant": name, "path": path, "tenant": "kota-mojokerto",
    "tenant_employees": int(total), "matches": int(matches), "connections": int(conns),
    "wrk_threads": 2, "seconds": w["seconds"], "requests": w["requests"],
    "requests_per_s": w["requests_per_s"], "p50_ms": w["p50_ms"], "p95_ms": w["p95_ms"],
    "p99_ms": w["p99_ms"], "max_ms": w["max_ms"],
    "server_cpu_ms_per_request": round(server_s * 1e3 / max(w["requests"], 1), 2),
    "server_cpu_s": round(server_s, 1), "wrk_cpu_s": round(wrk_s, 1),
    "other_processes_cpu_s": round(max(host_s - server_s - wrk_s, 0.0), 1),
    "not_200": w["not_200"],
    "socket_errors": w["socket_errors"] + w["timeouts"], "bytes_per_response": w["bytes_per_response"],
    "target_p95_ms": float(target),
    "p95_within_target": w["p95_ms"] <= float(target),
})
if bad:  # the figures would be those of redirects or errors: no result line on stdout
    sys.exit("web_list: %s: %d answers not 200 (last status %d), %d socket errors, %d timeouts\n%s"
             % (name, w["not_200"], w["last_bad_status"], w["socket_errors"], w["timeouts"], line))
print(line)
' "$name" "$path" "$TOTAL" "$matches" "$CONNS" "$TARGET_P95_MS" "$ticks" "$host" "$HZ"
}

run first_page "/pegawai"
run search_budi "/pegawai?q=budi"
run page_100 "/pegawai?halaman=100"

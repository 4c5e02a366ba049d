#!/usr/bin/env bash
# Browser journeys: installs what is missing (Debian's chromium and poppler-utils, the node
# packages of e2e/), builds talenta, starts `talenta serve --demo` on a free port of 127.0.0.1
# on a throwaway database, runs e2e/journeys.test.mjs in headless Chromium and stops the server.
# Called by scripts/test.sh; runs alone too: ./e2e/run.sh [node --test options], e.g.
#   ./e2e/run.sh --test-name-pattern=Employee
#   TALENTA_E2E_SHOTS=1 ./e2e/run.sh     (screenshots of the main steps in e2e/out/)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/talenta-target}"
CHROMIUM="${TALENTA_E2E_CHROMIUM:-/usr/bin/chromium}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x "$CHROMIUM" ]; then
  echo "== e2e: installing Debian's chromium (apt-get output in /tmp/talenta-e2e-apt.log)"
  if ! { as_root apt-get update -q &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } \
    >/tmp/talenta-e2e-apt.log 2>&1; then
    tail -n 30 /tmp/talenta-e2e-apt.log
    echo "== e2e: installing chromium failed"
    exit 1
  fi
fi

# the report journey reads the PDF's text back with poppler's pdftotext
if ! command -v pdftotext >/dev/null; then
  echo "== e2e: installing poppler-utils (apt-get output in /tmp/talenta-e2e-apt.log)"
  if ! { as_root apt-get update -q &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q poppler-utils; } \
    >/tmp/talenta-e2e-apt.log 2>&1; then
    tail -n 30 /tmp/talenta-e2e-apt.log
    echo "== e2e: installing poppler-utils failed"
    exit 1
  fi
fi

# node packages: npm ci only when node_modules does not match package-lock.json
lock_ok() {
  node -e '
    const fs = require("fs");
    const lock = JSON.parse(fs.readFileSync("e2e/package-lock.json", "utf8")).packages;
    for (const [path, p] of Object.entries(lock)) {
      if (!path) continue;
      const f = "e2e/" + path + "/package.json";
      if (!fs.existsSync(f) || JSON.parse(fs.readFileSync(f, "utf8")).version !== p.version) process.exit(1);
    }' 2>/dev/null
}
if ! lock_ok; then
  echo "== e2e: npm ci"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "== e2e: cargo build -p talenta-cli"
cargo build -q -p talenta-cli
BIN="$CARGO_TARGET_DIR/debug/talenta"

WORK="$(mktemp -d /tmp/talenta-e2e.XXXXXX)"
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap stop_server EXIT

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

# start the server; retry on another port if the one picked was taken meanwhile
for attempt in 1 2 3; do
  PORT="$(free_port)"
  rm -f "$WORK"/talenta.sqlite* "$WORK/server.log"
  "$BIN" --database "$WORK/talenta.sqlite" --as-of 2026-11-27 \
    serve --demo --listen "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do # up to 60 s for the demo load
    grep -qs '^talenta berjalan' "$WORK/server.log" && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  grep -qs '^talenta berjalan' "$WORK/server.log" && break
  echo "== e2e: the server did not start (attempt $attempt):"
  cat "$WORK/server.log"
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  [ "$attempt" = 3 ] && exit 1
done

echo "== e2e: browser journeys against http://127.0.0.1:$PORT/ ($("$CHROMIUM" --version 2>/dev/null || echo chromium))"
rm -rf "$ROOT/e2e/out"
start=$(date +%s)
status=0
(cd e2e && TALENTA_E2E_URL="http://127.0.0.1:$PORT" TALENTA_E2E_ACCOUNTS="$WORK/server.log" \
  TALENTA_E2E_CHROMIUM="$CHROMIUM" \
  node --test --test-reporter=spec "$@" journeys.test.mjs) || status=$?
echo "== e2e: journeys took $(($(date +%s) - start)) s"
if [ "$status" != 0 ]; then
  echo "== e2e: FAILED; screenshots and pages in e2e/out/; server output:"
  sed -E 's/^(  .* )[0-9a-f]{12}$/\1<password>/' "$WORK/server.log" | tail -n 40
  exit "$status"
fi

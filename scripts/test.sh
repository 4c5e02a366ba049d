#!/usr/bin/env bash
# Runs every test of talenta on a fresh Debian machine: installs PostgreSQL and poppler-utils
# if they are missing,
# starts a throwaway cluster on a socket in a temp dir, then format, lint and all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/talenta-target}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ]; then
  echo "== installing PostgreSQL"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
PGBIN="$(pg_bin)"
# The PDF tests read the files back with poppler's pdftotext, pdffonts and pdftoppm.
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  echo "== installing poppler-utils"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q poppler-utils
fi

PGDIR="$(mktemp -d /tmp/talenta-pg.XXXXXX)"
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$PGDIR"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
stop_pg() {
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap stop_pg EXIT
echo "== starting a throwaway PostgreSQL cluster in $PGDIR"
as_pg "$PGBIN/initdb" -A trust -U postgres -D "$PGDIR/data" >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-k $PGDIR -c listen_addresses='' -c fsync=off -c max_connections=200" start >/dev/null
export TALENTA_TEST_PG="host=$PGDIR user=postgres dbname=postgres"

echo "== cargo fmt --check"
cargo fmt --all -- --check

# ---- dependency checks (deny.toml; unused dependencies) -----------------------------------
# Each tool is built from crates.io the first time (cargo install, in its own temporary target
# dir) and reused afterwards. `cargo deny check` leaves out `advisories`: that check fetches the
# RustSec advisory database from GitHub, which this project's machines cannot reach.
if ! command -v cargo-deny >/dev/null; then
  echo "== installing cargo-deny"
  env -u CARGO_TARGET_DIR cargo install --locked cargo-deny --version 0.20.2
fi
echo "== cargo deny check licenses bans sources"
cargo deny check --hide-inclusion-graph licenses bans sources
if ! command -v cargo-machete >/dev/null; then
  echo "== installing cargo-machete"
  env -u CARGO_TARGET_DIR cargo install --locked cargo-machete --version 0.9.2
fi
echo "== cargo machete"
cargo machete
# ---- end of dependency checks -------------------------------------------------------------

echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
echo "== cargo test (SQLite and PostgreSQL)"
cargo test --workspace

# ---- browser journeys (owned by e2e/; see e2e/README.md) ----------------------------------
# Headless Debian Chromium driven by playwright-core against `talenta serve --demo` on a free
# port of 127.0.0.1. Installs chromium (apt-get) and e2e's node packages (npm ci) if missing.
echo "== browser journeys (e2e/run.sh)"
./e2e/run.sh
# ---- end of browser journeys --------------------------------------------------------------

echo "== all tests passed"

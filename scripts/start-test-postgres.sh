#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 for the tests and print its URL on stdout
# (everything else goes to stderr), e.g.
#   export FRAMECRAFT_TEST_POSTGRES_URL="$(bash scripts/start-test-postgres.sh)"
# Installs the Debian `postgresql` package when no server binaries are found (needs root).
# FRAMECRAFT_PG_DIR chooses the cluster directory (default: a new temp dir); stop the cluster
# with: pg_ctl -D "$FRAMECRAFT_PG_DIR/data" stop
set -euo pipefail

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "start-test-postgres: no PostgreSQL binaries; run as root to apt-get install postgresql" >&2
    exit 1
  fi
  echo "start-test-postgres: installing postgresql (Debian package)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  BIN="$(find_bin)"
fi

DIR="${FRAMECRAFT_PG_DIR:-$(mktemp -d /tmp/framecraft-pg.XXXXXX)}"
mkdir -p "$DIR"

# The server refuses to run as root: run it as the `postgres` user the package creates.
RUN=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  chown -R postgres: "$DIR"
  RUN=(runuser -u postgres --)
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT="${FRAMECRAFT_PG_PORT:-}"
if [ -z "$PORT" ]; then
  for p in $(seq 54329 54429); do
    if port_free "$p"; then PORT="$p"; break; fi
  done
fi
[ -n "$PORT" ] || { echo "start-test-postgres: no free port in 54329-54429" >&2; exit 1; }

if [ ! -f "$DIR/data/PG_VERSION" ]; then
  "${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --no-sync >&2
fi
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2
"$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -t 30 >&2
echo "start-test-postgres: cluster in $DIR (stop: ${RUN[*]} $BIN/pg_ctl -D $DIR/data stop)" >&2
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"

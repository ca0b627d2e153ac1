#!/usr/bin/env bash
# Starts a private PostgreSQL server on 127.0.0.1 for the tests (Debian's postgresql, installed when missing) and
# exports GRAYWATCH_TEST_POSTGRES with its URL. Sourced by scripts/test.sh; safe to source again (reuses a running one).
# The cluster lives in $GRAYWATCH_PG_DIR (default /tmp/graywatch-pg), listens on $GRAYWATCH_PG_PORT (default 55432)
# on loopback only, trusts local connections, and is stopped with: scripts/postgres.sh stop
set -euo pipefail
_gw_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$_gw_here/setup.sh"
ensure_packages postgresql

GRAYWATCH_PG_DIR="${GRAYWATCH_PG_DIR:-/tmp/graywatch-pg}"
GRAYWATCH_PG_PORT="${GRAYWATCH_PG_PORT:-55432}"
_gw_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
# PostgreSQL refuses to run as root: run it as the postgres user the Debian package creates.
_gw_as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = "stop" ]; then
    _gw_as_postgres "$_gw_bin/pg_ctl" -D "$GRAYWATCH_PG_DIR/data" -m fast stop || true
    return 0 2>/dev/null || exit 0
fi

if ! _gw_as_postgres "$_gw_bin/pg_ctl" -D "$GRAYWATCH_PG_DIR/data" status >/dev/null 2>&1; then
    mkdir -p "$GRAYWATCH_PG_DIR"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$GRAYWATCH_PG_DIR"
    if [ ! -f "$GRAYWATCH_PG_DIR/data/PG_VERSION" ]; then
        _gw_as_postgres "$_gw_bin/initdb" -D "$GRAYWATCH_PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    _gw_as_postgres "$_gw_bin/pg_ctl" -D "$GRAYWATCH_PG_DIR/data" -l "$GRAYWATCH_PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $GRAYWATCH_PG_PORT -k $GRAYWATCH_PG_DIR -c max_connections=200 -c fsync=off" start >/dev/null
fi
export GRAYWATCH_TEST_POSTGRES="postgres://postgres@127.0.0.1:$GRAYWATCH_PG_PORT/postgres"
echo "graywatch: PostgreSQL test server at $GRAYWATCH_TEST_POSTGRES" >&2

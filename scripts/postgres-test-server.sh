#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the test suite and prints its URL on stdout.
#
#   url=$(scripts/postgres-test-server.sh start)   # data in $HOOPCAST_PG_DIR (default /tmp/hoopcast-test-pg)
#   scripts/postgres-test-server.sh stop
#
# The server trusts local connections (it listens on 127.0.0.1 only and holds nothing but test databases).
# Root cannot run PostgreSQL, so as root the server runs as the `postgres` user the Debian package creates.
set -euo pipefail

dir="${HOOPCAST_PG_DIR:-/tmp/hoopcast-test-pg}"
port="${HOOPCAST_PG_PORT:-54329}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (Debian package postgresql)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The server outlives this script: it must not inherit descriptors beyond stdin/stdout/stderr (a caller may watch one
# to learn when this script has exited, and would wait for the server instead).
close_inherited() {
    local fd
    for fd in $(ls /proc/$$/fd 2>/dev/null); do
        [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null || true
    done
}

case "${1:-start}" in
start)
    close_inherited
    if [ ! -f "$dir/PG_VERSION" ]; then
        mkdir -p "$dir"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
        as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
            || { cat "$dir.initdb.log" >&2; exit 1; }
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
        as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off" start >&2 \
            || { cat "$dir/server.log" >&2; exit 1; }
    fi
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$dir" -m fast stop >&2 || true
    ;;
restart)
    close_inherited
    as_owner "$bin/pg_ctl" -D "$dir" -m fast -w restart >&2
    ;;
*)
    echo "usage: $0 start|stop|restart" >&2
    exit 2
    ;;
esac

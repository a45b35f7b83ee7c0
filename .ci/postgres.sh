#!/usr/bin/env bash
# A throw-away PostgreSQL server on 127.0.0.1 for the storage tests.
#
#   source .ci/postgres.sh        # starts one, exports ECOSYS_TEST_POSTGRES_URL and ECOSYS_TEST_POSTGRES_DIR,
#                                 # defines ecosys_postgres_stop
#   eval "$(.ci/postgres.sh)"     # the same from a child process (prints the export lines)
#   .ci/postgres.sh stop DIR      # stops the server started in DIR and removes DIR
#
# Installs Debian's postgresql package when no server binaries are found. The cluster lives in a temporary
# directory owned by the postgres user (initdb refuses to run as root), listens on a free loopback port only,
# trusts local connections and holds one database, ecosys_test.

_ecosys_pg_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
    done
    return 1
}

_ecosys_pg_as_owner() {
    # Runs a command as the cluster owner: postgres when we are root, ourselves otherwise.
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_ecosys_pg_free_port() {
    local port
    for port in $(seq 55432 55532); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    return 1
}

ecosys_postgres_stop() {
    local dir="${1:-${ECOSYS_TEST_POSTGRES_DIR:-}}" bindir
    [[ -n "$dir" && -d "$dir/data" ]] || return 0
    bindir=$(_ecosys_pg_bindir) || return 1
    _ecosys_pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
}

_ecosys_postgres_start() {
    local bindir dir port
    if ! bindir=$(_ecosys_pg_bindir); then
        echo "postgres.sh: installing Debian's postgresql" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2 || {
            echo "postgres.sh: could not install postgresql (run as root, or apt-get install postgresql)" >&2
            return 1
        }
        bindir=$(_ecosys_pg_bindir) || { echo "postgres.sh: no initdb after installing" >&2; return 1; }
    fi
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres || return 1
    fi
    port=$(_ecosys_pg_free_port) || { echo "postgres.sh: no free port in 55432-55532" >&2; return 1; }
    dir=$(mktemp -d /tmp/ecosys-pg.XXXXXX) || return 1
    chmod 755 "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    _ecosys_pg_as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
    _ecosys_pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null \
        || { cat "$dir/server.log" >&2; return 1; }
    _ecosys_pg_as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres ecosys_test || return 1
    export ECOSYS_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/ecosys_test"
    export ECOSYS_TEST_POSTGRES_DIR="$dir"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    if [[ "${1:-}" == "stop" ]]; then
        ecosys_postgres_stop "${2:?usage: postgres.sh stop DIR}"
        exit 0
    fi
    _ecosys_postgres_start
    echo "export ECOSYS_TEST_POSTGRES_URL=$ECOSYS_TEST_POSTGRES_URL"
    echo "export ECOSYS_TEST_POSTGRES_DIR=$ECOSYS_TEST_POSTGRES_DIR"
else
    _ecosys_postgres_start
fi

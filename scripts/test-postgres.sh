#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL cluster for the store's contract tests.
#
#   scripts/test-postgres.sh          # install if needed, init, start; prints the URL
#   scripts/test-postgres.sh stop     # stop it
#
# The URL (the only thing on stdout) goes straight into the tests:
#   export STORYLENS_TEST_PG_URL=$(scripts/test-postgres.sh)
#
# Safe to run again: an installed server, an initialized cluster, a running
# server and an existing database are all left as they are. Trust auth on
# 127.0.0.1 only: this cluster is for tests, never for data you keep.
#
# Settings: PGDATA_DIR (default: /tmp/storylens-pg-<hash of the project path>,
# a folder the postgres user can always reach), PGPORT_TEST (default 54329;
# the next free port is used when it is taken by something else),
# PGDATABASE_TEST (default storylens_test).
set -euo pipefail

project_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="${PGDATA_DIR:-/tmp/storylens-pg-$(printf %s "$project_root" | md5sum | cut -c1-8)}"
port="${PGPORT_TEST:-54329}"
database="${PGDATABASE_TEST:-storylens_test}"

log() { echo "test-postgres: $*" >&2; }
die() { log "error: $*"; exit 1; }

find_bindir() {
    local dir
    # Debian installs the server outside PATH, one folder per major version.
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            echo "$dir"
            return 0
        fi
    done
    if command -v pg_config >/dev/null && [[ -x "$(pg_config --bindir)/initdb" ]]; then
        pg_config --bindir
        return 0
    fi
    return 1
}

# Run as the cluster's owner: PostgreSQL refuses to run as root.
if [[ "$(id -u)" == 0 ]]; then
    as_owner() { (cd / && runuser -u postgres -- "$@"); }
    sudo_if_needed() { "$@"; }
else
    as_owner() { "$@"; }
    sudo_if_needed() { sudo "$@"; }
fi

is_running() { as_owner "$bindir/pg_ctl" status -D "$data_dir" >/dev/null 2>&1; }

if [[ "${1:-start}" == "stop" ]]; then
    if bindir="$(find_bindir)" && [[ -f "$data_dir/PG_VERSION" ]] && is_running; then
        as_owner "$bindir/pg_ctl" stop -D "$data_dir" -m fast -w >&2
        log "stopped the cluster in $data_dir"
    else
        log "no cluster running in $data_dir"
    fi
    exit 0
fi
[[ "${1:-start}" == "start" ]] || die "unknown argument '$1'; use 'start' (default) or 'stop'"

if ! bindir="$(find_bindir)"; then
    log "PostgreSQL server not found; installing Debian's postgresql package"
    sudo_if_needed apt-get update >&2
    DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y postgresql >&2
    bindir="$(find_bindir)" || die "postgresql installed but initdb/pg_ctl not found"
fi

if [[ ! -f "$data_dir/PG_VERSION" ]]; then
    log "initializing a test cluster in $data_dir"
    mkdir -p "$data_dir"
    [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$data_dir"
    chmod 700 "$data_dir"
    # The server runs as `postgres`: every folder above the cluster must let it through.
    as_owner test -w "$data_dir" \
        || die "user postgres cannot reach $data_dir; set PGDATA_DIR to a folder it can reach, e.g. /tmp/storylens-pg"
    as_owner "$bindir/initdb" -D "$data_dir" -U postgres -E UTF8 --no-locale \
        --auth-local=trust --auth-host=trust >&2
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if is_running; then
    # Already up (a second run): keep its port, read from the pid file.
    port="$(sed -n 4p "$data_dir/postmaster.pid")"
    log "cluster in $data_dir already running on port $port"
else
    while port_in_use "$port"; do
        log "port $port is taken; trying $((port + 1))"
        port=$((port + 1))
    done
    # Socket in the data folder: /var/run/postgresql may not exist on a bare
    # machine. No fsync: a throwaway test cluster trades durability for speed.
    as_owner "$bindir/pg_ctl" start -D "$data_dir" -w -t 60 -l "$data_dir/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $data_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2 \
        || die "server did not start; see $data_dir/server.log"
    log "started the cluster in $data_dir on port $port"
fi

psql_admin() { as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAq "$@"; }
if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]]; then
    as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database"
    log "created database $database"
fi

echo "postgresql://postgres@127.0.0.1:$port/$database"

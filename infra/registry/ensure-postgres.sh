#!/usr/bin/env bash
# The test PostgreSQL for the registry: Debian's postgresql-15, its data in .build/pg (or $PROVISIONER_PG_DIR), listening
# on 127.0.0.1 at a free port, started with pg_ctl. Idempotent: a second run finds it running and only prints its URL.
# Works on a fresh Debian machine as root (installs postgresql-15 if missing; the server runs as the `postgres` user,
# which owns the data folder, since PostgreSQL refuses to run as root) and as an ordinary user (runs as that user).
#
#   ensure-postgres.sh [start]   start it if needed; print its admin URL (postgres://provision:PASSWORD@127.0.0.1:PORT/postgres)
#   ensure-postgres.sh url       print the URL of the running server (fails if it is not running)
#   ensure-postgres.sh restart   restart it on the same port (fast shutdown: every connection is dropped)
#   ensure-postgres.sh stop      stop it
#   ensure-postgres.sh destroy   stop it and delete its folder
#
# Only the URL goes to stdout; progress and errors go to stderr. It is a test server: fsync is off.
set -euo pipefail

action="${1:-start}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${PROVISIONER_PG_DIR:-$root/.build/pg}"
data="$dir/data"
say() { echo "ensure-postgres: $*" >&2; }
die() { say "$*"; exit 1; }

find_bin() {
  for b in "${PG_BIN:-}" /usr/lib/postgresql/15/bin "$(command -v pg_config >/dev/null 2>&1 && pg_config --bindir || true)"; do
    [ -n "$b" ] && [ -x "$b/postgres" ] && [ -x "$b/initdb" ] && [ -x "$b/pg_ctl" ] && { echo "$b"; return 0; }
  done
  return 1
}

bin="$(find_bin || true)"
if [ -z "$bin" ]; then
  [ "$action" = start ] || die "no PostgreSQL server binaries found (install postgresql-15)"
  [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null || die "PostgreSQL 15 is not installed: apt-get install -y postgresql-15"
  say "installing postgresql-15 (Debian package; no cluster of its own is created)"
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/provision-tests.conf
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >&2 || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >&2; }
  bin="$(find_bin)" || die "postgresql-15 installed but its binaries are not in /usr/lib/postgresql/15/bin"
fi

# Who runs the server: root may not, so the `postgres` user does (created by the package), or a dedicated one.
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  id "$owner" >/dev/null 2>&1 || { owner=provision-pg; id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"; }
  as_owner() { runuser -u "$owner" -- "$@"; }
else
  owner="$(id -un)"
  as_owner() { "$@"; }
fi

running() { [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }
url() { echo "postgres://provision:$(cat "$dir/password")@127.0.0.1:$(cat "$dir/port")/postgres"; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$action" in
  url) running || die "not running (start it with $0)"; url; exit 0 ;;
  stop) running && as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >&2 || true; exit 0 ;;
  destroy) running && as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >&2 || true; rm -rf "$dir"; exit 0 ;;
  restart) running || die "not running (start it with $0)"; as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 60 restart >&2; url; exit 0 ;;
  start) ;;
  *) die "unknown action '$action' (start, url, restart, stop, destroy)" ;;
esac

if running; then
  url
  exit 0
fi

mkdir -p "$dir"
chmod 755 "$dir"
if [ ! -f "$data/PG_VERSION" ]; then
  [ -f "$dir/password" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$dir/password")
  rm -rf "$data" "$dir/run" "$dir/log"
  mkdir -p "$data" "$dir/run" "$dir/log"
  pwfile="$dir/run/pwfile"
  cp "$dir/password" "$pwfile"
  chown -R "$owner" "$data" "$dir/run" "$dir/log"
  chmod 700 "$data"
  as_owner test -w "$data" || die "$owner cannot write $data (is a parent folder closed to it? set PROVISIONER_PG_DIR to a folder it can reach)"
  say "initdb $data (owner $owner)"
  as_owner "$bin/initdb" -D "$data" -U provision --pwfile="$pwfile" --auth-local=scram-sha-256 --auth-host=scram-sha-256 \
    -E UTF8 --no-locale --no-instructions >"$dir/log/initdb.log" 2>&1 || { cat "$dir/log/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile"
  cat >> "$data/postgresql.conf" <<CONF
# provision's test server (infra/registry/ensure-postgres.sh): loopback only, fast and disposable.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/run'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
CONF
fi

# A free port: the last one if it is still free, else the first free one from a random start.
port="$(cat "$dir/port" 2>/dev/null || true)"
for attempt in 1 2 3 4 5; do
  if [ -z "$port" ] || ! port_free "$port"; then
    port=$((15432 + RANDOM % 2000))
    while ! port_free "$port"; do port=$((port + 1)); done
  fi
  echo "$port" > "$dir/port"
  if as_owner "$bin/pg_ctl" -D "$data" -l "$dir/log/postgres.log" -o "-p $port" -w -t 60 start >&2; then
    say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data $data)"
    url
    exit 0
  fi
  say "could not start on port $port (taken meanwhile?); trying another"
  port=""
done
tail -20 "$dir/log/postgres.log" >&2 || true
die "PostgreSQL did not start (log: $dir/log/postgres.log)"

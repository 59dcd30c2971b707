#!/bin/bash
# Entrypoint of provisioner/postgres:15 (one tenant's database).
#
# Contract
#   secret   ${POSTGRES_PASSWORD_FILE:-/run/secrets/db_password}: the password of ${POSTGRES_USER}
#            (file content without trailing CR/LF). Required at every start; only used on first start.
#            Never passed on a command line, never echoed.
#   env      POSTGRES_USER (notes)  login role, owner of POSTGRES_DB, not a superuser
#            POSTGRES_DB   (notes)  database created on first start
#            PGDATA        (/var/lib/postgresql/data/pgdata; the volume is /var/lib/postgresql/data)
#   args     appended to `postgres`, e.g. -c shared_buffers=64MB -c max_connections=50
#   access   TCP 5432, scram-sha-256, for POSTGRES_USER, from the networks this container is on (pg_hba `samenet`:
#            its tenant's own network), so another tenant's container is refused even where the engine's firewall
#            lets its packets through (Docker before 28 drops its isolation rules for a moment whenever a network
#            is created; see infra/engine/isolation-guard.sh).
#            The superuser `postgres` has no password: local socket + peer only, i.e.
#            `docker exec --user postgres CTR psql -d notes -tAc 'select 1'`, pg_isready, pg_dump.
#   stop     SIGINT (fast shutdown; STOPSIGNAL in the image).
set -euo pipefail

PGDATA=${PGDATA:-/var/lib/postgresql/data/pgdata}
VOLUME_DIR=$(dirname "$PGDATA")
STAGING=$PGDATA.init
PASSWORD_FILE=${POSTGRES_PASSWORD_FILE:-/run/secrets/db_password}
DB_USER=${POSTGRES_USER:-notes}
DB_NAME=${POSTGRES_DB:-notes}
SOCKET_DIR=/var/run/postgresql
TEMPLATE_CLUSTER=/var/lib/postgresql/template-cluster
HBA_LINE='host all all samenet scram-sha-256'
HBA_LINE_BEFORE='host all all all scram-sha-256'
HBA_COMMENT="the app role, from this container's own networks only, password only"
export PGDATA

log() { printf 'pg-entrypoint: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

if [ "$(id -u)" = 0 ]; then
    as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups)
else
    as_postgres=()   # already started as postgres (docker run --user postgres)
fi
pg() { "${as_postgres[@]}" "$@"; }

identifier='^[a-z_][a-z0-9_]{0,62}$'
[[ $DB_USER =~ $identifier ]] || die "POSTGRES_USER '$DB_USER' must match $identifier"
[[ $DB_NAME =~ $identifier ]] || die "POSTGRES_DB '$DB_NAME' must match $identifier"
[ "$DB_USER" != postgres ] || die "POSTGRES_USER must not be the superuser 'postgres'"
[ -f "$PASSWORD_FILE" ] || die "password file $PASSWORD_FILE is missing: deliver the db_password secret as a file before starting the container"
[ -r "$PASSWORD_FILE" ] || die "password file $PASSWORD_FILE is not readable by uid $(id -u)"
[ -s "$PASSWORD_FILE" ] || die "password file $PASSWORD_FILE is empty"

# Root only does what needs root: the socket dir, and handing a root-owned (restored) volume to
# postgres. Everything inside the volume is done as postgres, so the container needs no more
# capabilities than SETUID and SETGID (plus CHOWN for a volume that is not owned by postgres).
if [ "$(id -u)" = 0 ]; then
    [ "$(stat -c %U "$SOCKET_DIR" 2>/dev/null)" = postgres ] || install -d -o postgres -g postgres -m 2775 "$SOCKET_DIR"
    [ -d "$VOLUME_DIR" ] || install -d -o postgres -g postgres -m 0700 "$VOLUME_DIR"
    if [ "$(stat -c %U "$VOLUME_DIR")" != postgres ] || { pg test -e "$PGDATA" && ! pg test -O "$PGDATA"; }; then
        log "handing $VOLUME_DIR to postgres"
        chown -R postgres:postgres "$VOLUME_DIR"
    fi
fi
pg chmod 0700 "$VOLUME_DIR"
! pg test -d "$PGDATA" || pg chmod 0700 "$PGDATA"

# Initialise into $STAGING and rename it to $PGDATA when complete: a start that dies half-way
# leaves no PGDATA behind, and the next start simply does it again.
initialise() {
    log "initialising $PGDATA: database $DB_NAME owned by $DB_USER"
    local password
    password=$(<"$PASSWORD_FILE")
    while [[ $password == *[$'\r\n'] ]]; do password=${password%?}; done
    [ -n "$password" ] || die "password file $PASSWORD_FILE is empty"
    # Stage it for psql, without trailing CR/LF, in a file only postgres can read (through a pipe: no argv).
    secret=$(pg mktemp /tmp/pg-init-secret.XXXXXXXX)
    init_socket=
    trap 'pg rm -rf "$secret" $init_socket 2>/dev/null || true' EXIT
    printf '%s' "$password" | pg sh -c 'cat >"$1"' sh "$secret"
    unset password

    pg rm -rf "$STAGING"
    local out
    if [ -s "$TEMPLATE_CLUSTER/PG_VERSION" ]; then
        # Initialised once at image build time; copying it is much cheaper than initdb.
        pg cp -a "$TEMPLATE_CLUSTER" "$STAGING"
    elif ! out=$(pg initdb -D "$STAGING" --username=postgres --encoding=UTF8 --locale=C.UTF-8 \
            --auth-local=peer --auth-host=scram-sha-256 --data-checksums --no-sync 2>&1); then
        printf '%s\n' "$out" >&2
        die "initdb failed"
    fi

    printf '\n# provisioner\nlisten_addresses = '"'*'"'\n' | pg sh -c 'cat >>"$1"' sh "$STAGING/postgresql.conf"
    printf '\n# provisioner: %s\n%s\n' "$HBA_COMMENT" "$HBA_LINE" \
        | pg sh -c 'cat >>"$1"' sh "$STAGING/pg_hba.conf"

    # Temporary server on a private Unix socket only: neither the app (TCP) nor health checks
    # (pg_isready, psql on the usual socket) can reach it before the role and database exist.
    init_socket=$(pg mktemp -d /tmp/pg-init-socket.XXXXXXXX)
    pg pg_ctl -D "$STAGING" -w -t 60 -l "$STAGING/init.log" \
        -o "-c listen_addresses='' -c unix_socket_directories=$init_socket" start >/dev/null
    pg psql -X -q -v ON_ERROR_STOP=1 -h "$init_socket" -U postgres -d postgres \
        -v db_user="$DB_USER" -v db_name="$DB_NAME" -v secret_file="$secret" <<'SQL'
\set pw `cat :'secret_file'`
create role :"db_user" login password :'pw';
\unset pw
create database :"db_name" owner :"db_user";
revoke all on database :"db_name" from public;
grant connect, temporary on database :"db_name" to :"db_user";
SQL
    pg pg_ctl -D "$STAGING" -w -t 60 -m fast stop >/dev/null
    pg rm -rf "$secret" "$init_socket" "$STAGING/init.log"
    trap - EXIT
    # initdb --no-sync: one syncfs instead of an fsync per file; the cluster is durable before it
    # gets its real name, and the rename is durable before the server accepts any data.
    pg sync -f "$STAGING"
    pg mv "$STAGING" "$PGDATA"
    pg sync -f "$PGDATA"
    log "initialised"
}

# A data directory initialised by an image before samenet took the rule "from any address": narrowed at start.
narrow_hba() {
    local hba=$PGDATA/pg_hba.conf
    if pg grep -qx "$HBA_LINE_BEFORE" "$hba"; then
        pg sed -i -e "s/^# provisioner: the app role, from any address, password only\$/# provisioner: $HBA_COMMENT/" \
            -e "s/^$HBA_LINE_BEFORE\$/$HBA_LINE/" "$hba"
        log "pg_hba.conf: the app role now only from this container's networks (was: any address)"
    fi
}

if ! pg test -s "$PGDATA/PG_VERSION"; then
    ! pg test -e "$PGDATA" || die "$PGDATA exists but has no PG_VERSION: refusing to initialise over it"
    initialise
else
    narrow_hba
fi

exec "${as_postgres[@]}" postgres -D "$PGDATA" "$@"

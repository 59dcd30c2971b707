#!/usr/bin/env bash
# End-to-end check of the images built by build.sh, the way the tool uses them:
# user-defined network, secrets delivered as files (docker create + docker cp, never env),
# migrate as a one-shot container, app port published on 127.0.0.1 only.
# Upgrades notes 1.0.0 -> 1.1.0 on the same database. Removes everything it created (not the images).
#
# Usage: infra/images/smoke.sh [old-version] [new-version]   (default 1.0.0 1.1.0)
set -euo pipefail

OLD=${1:-1.0.0}
NEW=${2:-1.1.0}
DOCKER=${DOCKER:-docker}
P=imgsmoke-$$
NET=$P-net
VOL=$P-pgdata
SECRETS=$(mktemp -d)
containers=()

cleanup() {
    local c
    for c in "${containers[@]}"; do "$DOCKER" rm -f -v "$c" >/dev/null 2>&1 || true; done
    "$DOCKER" network rm "$NET" >/dev/null 2>&1 || true
    "$DOCKER" volume rm "$VOL" >/dev/null 2>&1 || true
    rm -rf "$SECRETS"
}
trap cleanup EXIT

now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }
step() { printf '\n== %s\n' "$*"; }
ok() { printf '   ok: %s\n' "$*"; }
die() { printf '   FAILED: %s\n' "$*" >&2; exit 1; }

# A password with quotes, a backslash and a dollar, to prove nothing is shell- or SQL-interpolated.
# The archive upload keeps the file's owner and mode (do not use `docker cp -a`/copyUIDGID: this
# engine fails it with "getent unable to find entry"): root:0400 for the db, 10001:0400 for the app.
write_secret() { # content
    mkdir -p "$SECRETS/db" "$SECRETS/app"
    printf '%s\n' "$1" >"$SECRETS/db/db_password"
    cp "$SECRETS/db/db_password" "$SECRETS/app/db_password"
    chown 0:0 "$SECRETS/db/db_password"; chown 10001:10001 "$SECRETS/app/db_password"
    chmod 0400 "$SECRETS/db/db_password" "$SECRETS/app/db_password"
}
write_secret "p'w\"\\\$x-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"

# create NAME IMAGE [docker create args...] -- [command args...]: create, upload the secret, return.
create() {
    local name=$1 image=$2; shift 2
    local opts=() cmd=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    cmd=("$@")
    "$DOCKER" create --name "$name" --network "$NET" --label "$P=1" "${opts[@]}" "$image" "${cmd[@]}" >/dev/null
    containers+=("$name")
    local owner=app
    [[ $image == provisioner/postgres:* ]] && owner=db
    "$DOCKER" cp "$SECRETS/$owner/db_password" "$name:/run/secrets/db_password"
}

http() { curl -s -o /tmp/$P.body -w '%{http_code}' "$@" || true; }
body() { cat /tmp/$P.body; rm -f /tmp/$P.body; }

migrate() { # version -> prints output, returns exit code
    local name=$P-migrate-$1-$RANDOM t rc
    create "$name" "notes-app:$1" -- migrate
    t=$(now)
    set +e; "$DOCKER" start -a "$name"; rc=$?; set -e
    echo "   (migrate $1 took $(since "$t")s, exit $rc)"
    "$DOCKER" rm "$name" >/dev/null
    return $rc
}

start_app() { # version name -> sets PORT, prints cold start time to /readyz 200 (or gives up after 30 s)
    local version=$1 name=$2 t code
    create "$name" "notes-app:$version" -p 127.0.0.1::8080 --
    t=$(now)
    "$DOCKER" start "$name" >/dev/null
    PORT=$("$DOCKER" port "$name" 8080/tcp | head -n1 | sed 's/.*://')
    for _ in $(seq 300); do
        code=$(http "http://127.0.0.1:$PORT/healthz"); [ "$code" = 200 ] && break; sleep 0.05
    done
    echo "   $name ($version) on 127.0.0.1:$PORT: /healthz 200 after $(since "$t")s (from docker start)"
    STARTED=$t
}

wait_ready() { # port -> seconds until /readyz 200
    local t=$(now) code
    for _ in $(seq 600); do
        code=$(http "http://127.0.0.1:$1/readyz"); [ "$code" = 200 ] && { body >/dev/null; echo "$(since "$t")"; return 0; }; sleep 0.05
    done
    return 1
}

step "images"
"$DOCKER" image inspect --format '{{index .RepoTags 0}}  {{.Size}} bytes  {{json .Config.Labels}}' \
    provisioner/base:bookworm provisioner/postgres:15 "notes-app:$OLD" "notes-app:$NEW"

step "network and database"
"$DOCKER" network create "$NET" >/dev/null
"$DOCKER" volume create "$VOL" >/dev/null
create "$P-db" provisioner/postgres:15 --network-alias db -v "$VOL:/var/lib/postgresql/data" --
t=$(now)
"$DOCKER" start "$P-db" >/dev/null
for _ in $(seq 600); do
    "$DOCKER" exec --user postgres "$P-db" psql -d notes -tAc 'select 1' >/dev/null 2>&1 && break; sleep 0.1
done
[ "$("$DOCKER" exec --user postgres "$P-db" psql -d notes -tAc 'select 1')" = 1 ] || die "db never answered"
ok "first start (initdb + role + database) until 'psql select 1' answers: $(since "$t")s"
"$DOCKER" exec --user postgres "$P-db" pg_isready -q && ok "pg_isready"
"$DOCKER" logs "$P-db" 2>&1 | sed 's/^/   db| /'
if "$DOCKER" logs "$P-db" 2>&1 | grep -qF "$(head -c 12 "$SECRETS/db/db_password")"; then die "password in db logs"; fi
"$DOCKER" inspect --format '{{json .Config.Env}}' "$P-db" | grep -qi password_file= && die "secret in env"
ok "password not in logs, not in env"

step "migrate with $OLD (twice: idempotent)"
migrate "$OLD"
migrate "$OLD"

step "app $OLD"
start_app "$OLD" "$P-app-old"
OLDPORT=$PORT
wait_ready "$OLDPORT" >/dev/null; echo "   cold start, docker start to /readyz 200: $(since "$STARTED")s"
for path in /healthz /readyz /version; do
    code=$(http "http://127.0.0.1:$OLDPORT$path"); echo "   GET $path -> $code $(body)"
done
code=$(http -X POST -H 'content-type: application/json' -d '{"body":"written by '"$OLD"'"}' "http://127.0.0.1:$OLDPORT/api/notes")
echo "   POST /api/notes -> $code $(body)"; [ "$code" = 201 ] || die "POST"
code=$(http "http://127.0.0.1:$OLDPORT/api/notes"); echo "   GET /api/notes -> $code $(body)"
code=$(http "http://127.0.0.1:$OLDPORT/api/notes/999999"); echo "   GET /api/notes/999999 -> $code"; body >/dev/null

step "app $NEW before its migrate"
start_app "$NEW" "$P-app-new"
NEWPORT=$PORT
sleep 0.3
code=$(http "http://127.0.0.1:$NEWPORT/readyz"); echo "   GET /readyz -> $code $(body)"; [ "$code" = 503 ] || die "expected 503"

step "migrate with $NEW"
migrate "$NEW"
migrate "$NEW"

step "after migrate"
code=$(http "http://127.0.0.1:$NEWPORT/readyz"); echo "   $NEW GET /readyz -> $code $(body)"; [ "$code" = 200 ] || die "expected 200"
code=$(http "http://127.0.0.1:$OLDPORT/readyz"); echo "   $OLD GET /readyz -> $code $(body)"
code=$(http "http://127.0.0.1:$NEWPORT/api/notes"); echo "   $NEW GET /api/notes -> $code $(body)"
code=$(http -X POST -H 'content-type: application/json' -d '{"title":"hello","body":"written by '"$NEW"'"}' "http://127.0.0.1:$NEWPORT/api/notes")
echo "   $NEW POST /api/notes -> $code $(body)"
id=$(curl -s "http://127.0.0.1:$NEWPORT/api/notes" | sed -n 's/^\[{"id":\([0-9]*\).*/\1/p')
code=$(http -X DELETE "http://127.0.0.1:$NEWPORT/api/notes/$id"); echo "   DELETE /api/notes/$id -> $code"; body >/dev/null
code=$(http -X DELETE "http://127.0.0.1:$NEWPORT/api/notes/$id"); echo "   DELETE /api/notes/$id again -> $code"; body >/dev/null
"$DOCKER" exec --user postgres "$P-db" psql -d notes -tAc 'select version, app_version, description from schema_version order by 1' | sed 's/^/   schema_version| /'

step "restarts"
t=$(now); "$DOCKER" stop "$P-db" >/dev/null; ok "db stop (SIGINT, fast shutdown): $(since "$t")s"
code=$(http "http://127.0.0.1:$NEWPORT/readyz"); echo "   while db is down: $NEW GET /readyz -> $code $(body)"
t=$(now); "$DOCKER" start "$P-db" >/dev/null
echo "   db restart: app ready again after $(wait_ready "$NEWPORT")s (from docker start)"
code=$(http "http://127.0.0.1:$NEWPORT/api/notes"); echo "   GET /api/notes -> $code $(body)"
"$DOCKER" stats --no-stream --format '   memory {{.Name}}: {{.MemUsage}}' "$P-db" "$P-app-new" "$P-app-old"
"$DOCKER" rm -f "$P-db" >/dev/null
create "$P-db" provisioner/postgres:15 --network-alias db -v "$VOL:/var/lib/postgresql/data" --
t=$(now); "$DOCKER" start "$P-db" >/dev/null
echo "   db container recreated on the same volume: app ready again after $(wait_ready "$NEWPORT")s"
"$DOCKER" logs "$P-db" 2>&1 | grep -q initialising && die "re-initialised an existing volume"
code=$(http "http://127.0.0.1:$NEWPORT/api/notes"); echo "   GET /api/notes -> $code $(body)"
t=$(now); "$DOCKER" stop "$P-app-new" >/dev/null; ok "app stop (SIGTERM): $(since "$t")s"
"$DOCKER" logs "$P-app-new" 2>&1 | sed 's/^/   app| /'

step "failure modes"
"$DOCKER" create --name "$P-db-nosecret" --network "$NET" provisioner/postgres:15 >/dev/null
containers+=("$P-db-nosecret")
set +e; "$DOCKER" start -a "$P-db-nosecret" 2>&1 | sed 's/^/   no secret| /'; set -e
set +e; migrate "$OLD" 2>&1 | sed 's/^/   old app on newer schema| /'; set -e
write_secret wrong-password
t=$(now)
if migrate "$NEW" 2>&1 | sed 's/^/   wrong password| /'; then :; fi
"$DOCKER" rm -f -v "$P-db" >/dev/null
set +e; migrate "$NEW" 2>&1 | sed 's/^/   db gone| /'; set -e

step "done"

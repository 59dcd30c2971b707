#!/usr/bin/env bash
# Developer check of the tracker images with plain docker (no provision): db + queue + migrate + web + worker
# on a user-defined network, the template's journey driven with curl, then a hand-made upgrade 1.0.0 -> 2.0.0 on
# the same database and uploads volume, the worker's health check, a Redis restart, and the worker-crash fixture.
# Secrets are files bind-mounted at /run/secrets/db_password (root:0400 for the db, 10001:0400 for the app);
# the web port is published on 127.0.0.1 only. Removes everything it created (not the images), even on failure.
#
# Needs: the images (infra/images/build.sh tracker fixtures), curl, jq.
# Usage: templates/tracker/smoke.sh [old-version] [new-version]   (default 1.0.0 2.0.0)
set -euo pipefail

OLD=${1:-1.0.0}
NEW=${2:-2.0.0}
CRASH=tracker-app:$NEW-worker-crash
DOCKER=${DOCKER:-docker}
P=trk-test-$$
NET=$P-net
PGVOL=$P-pgdata
UPVOL=$P-uploads
WORK=$(mktemp -d)
containers=()

cleanup() {
    local c
    for c in "${containers[@]}"; do "$DOCKER" rm -f -v "$c" >/dev/null 2>&1 || true; done
    "$DOCKER" network rm "$NET" >/dev/null 2>&1 || true
    "$DOCKER" volume rm "$PGVOL" "$UPVOL" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

command -v jq >/dev/null || { echo "smoke.sh: needs jq" >&2; exit 2; }
for image in provisioner/postgres:15 provisioner/redis:7 "tracker-app:$OLD" "tracker-app:$NEW" "$CRASH"; do
    "$DOCKER" image inspect "$image" >/dev/null 2>&1 \
        || { echo "smoke.sh: image $image is missing: run infra/images/build.sh tracker fixtures" >&2; exit 2; }
done

SMOKE_START=$EPOCHREALTIME
now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }
step() { printf '\n== %s\n' "$*"; }
ok() { printf '   ok: %s\n' "$*"; }
die() { printf '   FAILED: %s\n' "$*" >&2; exit 1; }

# A password with quotes, a backslash and a dollar: nothing may shell- or SQL-interpolate it.
mkdir -p "$WORK/db" "$WORK/app"
printf '%s\n' "p'w\"\\\$x-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" >"$WORK/db/db_password"
cp "$WORK/db/db_password" "$WORK/app/db_password"
chown 0:0 "$WORK/db/db_password"; chown 10001:10001 "$WORK/app/db_password"
chmod 0400 "$WORK/db/db_password" "$WORK/app/db_password"
chmod 0755 "$WORK" "$WORK/db" "$WORK/app"

run() { # name image [docker run options...] -- [command args...]: detached, on the network, labelled
    local name=$1 image=$2; shift 2
    local opts=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    containers+=("$name")
    "$DOCKER" run -d --name "$name" --network "$NET" --label "$P=1" "${opts[@]}" "$image" "$@" >/dev/null
}

APP_SECRET=(-v "$WORK/app/db_password:/run/secrets/db_password:ro")
APP_ENV=(-e TRACKER_DB_HOST=db -e TRACKER_REDIS_HOST=queue -e TRACKER_REDIS_PORT=6379)

web() { # version
    run "$P-web-$1" "tracker-app:$1" "${APP_SECRET[@]}" "${APP_ENV[@]}" -e TRACKER_PUBLIC_URL=http://smoke.example \
        -v "$UPVOL:/srv/uploads" -p 127.0.0.1::8080 -- web
    PORT=$("$DOCKER" port "$P-web-$1" 8080/tcp | head -n1 | sed 's/.*://')
    BASE=http://127.0.0.1:$PORT
}

worker() { # version [image]
    run "$P-worker-$1" "${2:-tracker-app:$1}" "${APP_SECRET[@]}" "${APP_ENV[@]}" -- worker
}

migrate() { # version -> prints its line, returns its exit code
    local name=$P-migrate-$1-$RANDOM t rc
    containers+=("$name")
    t=$(now)
    set +e
    "$DOCKER" run --name "$name" --network "$NET" --label "$P=1" "${APP_SECRET[@]}" "${APP_ENV[@]}" "tracker-app:$1" migrate 2>&1 | sed 's/^/   migrate| /'
    rc=${PIPESTATUS[0]}
    set -e
    echo "   (migrate $1: $(since "$t")s from docker run, exit $rc)"
    "$DOCKER" rm "$name" >/dev/null
    return "$rc"
}

# HTTP: sets CODE and BODY.
http() { # method url [json]
    local args=(-s -o "$WORK/body" -w '%{http_code}' -X "$1" "$2")
    [ $# -lt 3 ] || args+=(-H 'content-type: application/json' --data-binary "$3")
    CODE=$(curl "${args[@]}" || true)
    BODY=$(cat "$WORK/body" 2>/dev/null || true)
    rm -f "$WORK/body"
}
expect() { # code what
    [ "$CODE" = "$1" ] || die "$2: expected $1, got $CODE $BODY"
    printf '   %s -> %s %s\n' "$2" "$CODE" "$(printf '%s' "$BODY" | head -c 300)"
}

wait_ready() { # base-url -> seconds until /readyz 200 (gives up after 60 s)
    local t=$(now)
    for _ in $(seq 1200); do
        http GET "$1/readyz"; [ "$CODE" = 200 ] && { since "$t"; return 0; }; sleep 0.05
    done
    die "not ready after 60 s: $CODE $BODY"
}

check_worker() { # container -> prints check-worker's line, returns its exit code
    "$DOCKER" exec "$1" /app/tracker check-worker
}

wait_worker() { # container -> seconds until check-worker exits 0 (gives up after 60 s)
    local t=$(now)
    for _ in $(seq 300); do
        check_worker "$1" >/dev/null 2>&1 && { since "$t"; return 0; }; sleep 0.2
    done
    die "$1: check-worker never passed: $(check_worker "$1" 2>&1)"
}

poll_processed() { # base-url id -> waits until state=processed (20 s, the journey's budget), sets BODY
    local t=$(now)
    for _ in $(seq 400); do
        http GET "$1/api/items/$2"
        [ "$CODE" = 200 ] && [ "$(jq -r .state <<<"$BODY")" = processed ] && { PROCESSED_AFTER=$(since "$t"); return 0; }
        sleep 0.05
    done
    die "item $2 not processed within 20 s: $CODE $BODY"
}

# The template's journey "file-an-item": file, poll until processed, read the attachment back, delete.
journey() { # base-url expected-summary-suffix
    local base=$1 suffix=$2 random id sha
    random=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
    http POST "$base/api/items" "{\"title\":\"probe $random\",\"attachment\":\"attached $random\"}"
    expect 201 "POST /api/items"
    [ "$(jq -r .state <<<"$BODY")" = queued ] || die "a new item is not queued"
    id=$(jq -r .id <<<"$BODY")
    poll_processed "$base" "$id"
    expect 200 "GET /api/items/$id (processed after ${PROCESSED_AFTER}s)"
    [ "$(jq -r .summary <<<"$BODY")" = "probe $random: 21 bytes$suffix" ] || die "summary is $(jq .summary <<<"$BODY")"
    sha=$(printf 'attached %s' "$random" | sha256sum | cut -c1-64)
    [ "$(jq -r .attachment.sha256 <<<"$BODY")" = "$sha" ] && [ "$(jq -r .attachment.bytes <<<"$BODY")" = 21 ] \
        || die "attachment metadata: $(jq -c .attachment <<<"$BODY")"
    http GET "$base/api/items/$id/attachment"
    expect 200 "GET /api/items/$id/attachment"
    [ "$BODY" = "attached $random" ] || die "attachment body"
    "$DOCKER" exec "$P-web-$CURRENT" test -f "/srv/uploads/$id.bin" || die "no $id.bin in the uploads volume"
    http DELETE "$base/api/items/$id"
    expect 204 "DELETE /api/items/$id"
    "$DOCKER" exec "$P-web-$CURRENT" test ! -e "/srv/uploads/$id.bin" || die "$id.bin still in the uploads volume"
    http GET "$base/api/items/$id"; expect 404 "GET /api/items/$id after delete"
    http DELETE "$base/api/items/$id"; expect 404 "DELETE /api/items/$id again"
    JOURNEY_ID=$id
}

step "images"
"$DOCKER" image inspect --format '{{index .RepoTags 0}}  {{.Size}} bytes  version={{index .Config.Labels "org.opencontainers.image.version"}}' \
    provisioner/redis:7 provisioner/postgres:15 "tracker-app:$OLD" "tracker-app:$NEW" "$CRASH" | sed 's/^/   /'

step "network, volumes, database and queue"
"$DOCKER" network create "$NET" >/dev/null
"$DOCKER" volume create "$PGVOL" >/dev/null
"$DOCKER" volume create "$UPVOL" >/dev/null
t=$(now)
run "$P-db" provisioner/postgres:15 --network-alias db -e POSTGRES_USER=tracker -e POSTGRES_DB=tracker \
    -v "$WORK/db/db_password:/run/secrets/db_password:ro" -v "$PGVOL:/var/lib/postgresql/data" --
run "$P-queue" provisioner/redis:7 --network-alias queue --
for _ in $(seq 300); do
    "$DOCKER" exec "$P-queue" redis-cli ping >/dev/null 2>&1 && break; sleep 0.1
done
[ "$("$DOCKER" exec "$P-queue" redis-cli ping)" = PONG ] || die "redis never answered"
ok "queue answers PING: $(since "$t")s from docker run ($("$DOCKER" exec "$P-queue" redis-cli info server | tr -d '\r' | grep -E '^redis_version' ), user $("$DOCKER" exec "$P-queue" id -un))"
for _ in $(seq 600); do
    "$DOCKER" exec --user postgres "$P-db" psql -d tracker -tAc 'select 1' >/dev/null 2>&1 && break; sleep 0.1
done
[ "$("$DOCKER" exec --user postgres "$P-db" psql -d tracker -tAc 'select 1')" = 1 ] || die "db never answered"
ok "db answers 'select 1': $(since "$t")s from docker run"

step "migrate $OLD (twice: idempotent)"
t=$(now)
migrate "$OLD"
migrate "$OLD"

step "web and worker $OLD"
CURRENT=$OLD
t=$(now)
web "$OLD"; worker "$OLD"
wait_ready "$BASE" >/dev/null; echo "   web on $BASE: /readyz 200 $(since "$t")s after docker run"
wait_worker "$P-worker-$OLD" >/dev/null; echo "   worker: check-worker passes $(since "$t")s after docker run"
for path in /healthz /readyz /version; do http GET "$BASE$path"; expect 200 "GET $path"; done
echo "   check-worker (docker exec): $(check_worker "$P-worker-$OLD")"

step "journey file-an-item on $OLD"
journey "$BASE" ""
http POST "$BASE/api/items" '{"title":"no attachment here"}'; expect 201 "POST /api/items without attachment"
plain=$(jq -r .id <<<"$BODY")
poll_processed "$BASE" "$plain"; expect 200 "GET /api/items/$plain"
[ "$(jq -r .summary <<<"$BODY")" = "no attachment here: no attachment" ] && [ "$(jq -c .attachment <<<"$BODY")" = null ] || die "no-attachment item"
http GET "$BASE/api/items/$plain/attachment"; expect 404 "GET /api/items/$plain/attachment"
http POST "$BASE/api/items" '{"title":"filed on 1.0.0","attachment":"kept across the upgrade"}'; expect 201 "POST /api/items (kept for the upgrade)"
kept=$(jq -r .id <<<"$BODY")
poll_processed "$BASE" "$kept"
http POST "$BASE/api/items" '{"attachment":"no title"}'; expect 400 "POST /api/items without title"
http GET "$BASE/api/items/999999"; expect 404 "GET /api/items/999999"
http GET "$BASE/api/items"; expect 200 "GET /api/items"
"$DOCKER" logs "$P-worker-$OLD" 2>&1 | sed 's/^/   worker| /'

step "upgrade by hand: stop $OLD, file an item while no worker runs, migrate $NEW, start $NEW"
t=$(now); "$DOCKER" stop "$P-worker-$OLD" >/dev/null
echo "   worker $OLD stopped (SIGTERM) in $(since "$t")s, exit code $("$DOCKER" inspect --format '{{.State.ExitCode}}' "$P-worker-$OLD"), last line: $("$DOCKER" logs "$P-worker-$OLD" 2>&1 | tail -n1)"
http POST "$BASE/api/items" '{"title":"filed between the two workers","attachment":"waits in redis"}'; expect 201 "POST /api/items with no worker"
between=$(jq -r .id <<<"$BODY")
echo "   queue length: $("$DOCKER" exec "$P-queue" redis-cli llen tracker:jobs)"
t=$(now); "$DOCKER" stop "$P-web-$OLD" >/dev/null; echo "   web $OLD stopped in $(since "$t")s"
UPGRADE=$(now)
migrate "$NEW"
migrate "$NEW"
CURRENT=$NEW
t=$(now)
web "$NEW"; worker "$NEW"
wait_ready "$BASE" >/dev/null; echo "   web $NEW on $BASE: /readyz 200 $(since "$t")s after docker run"
wait_worker "$P-worker-$NEW" >/dev/null; echo "   worker $NEW: check-worker passes $(since "$t")s after docker run"
ok "upgrade: from the first migrate to web ready and worker alive: $(since "$UPGRADE")s"
http GET "$BASE/version"; expect 200 "GET /version"
http GET "$BASE/api/items/$kept"; expect 200 "GET /api/items/$kept (made on $OLD)"
[ "$(jq -r .summary <<<"$BODY")" = "filed on 1.0.0: 23 bytes" ] || die "the $OLD item changed"
http GET "$BASE/api/items/$kept/attachment"; expect 200 "GET /api/items/$kept/attachment (uploaded on $OLD)"
[ "$BODY" = "kept across the upgrade" ] || die "the $OLD attachment changed"
poll_processed "$BASE" "$between"; expect 200 "GET /api/items/$between (filed on $OLD, processed by $NEW)"
[ "$(jq -r .words <<<"$BODY")" = 5 ] || die "words of the item filed between the workers"
journey "$BASE" ", 2 words"
http POST "$BASE/api/items" '{"title":"three word title"}'; expect 201 "POST /api/items"
id=$(jq -r .id <<<"$BODY"); poll_processed "$BASE" "$id"; expect 200 "GET /api/items/$id"
[ "$(jq -r .words <<<"$BODY")" = 3 ] && [ "$(jq -r .summary <<<"$BODY")" = "three word title: no attachment, 3 words" ] || die "words"
echo "   check-worker (docker exec): $(check_worker "$P-worker-$NEW")"
"$DOCKER" exec --user postgres "$P-db" psql -d tracker -tAc 'select version, app_version, description from schema_version order by 1' | sed 's/^/   schema_version| /'

step "old web on the new schema; queue restart"
"$DOCKER" start "$P-web-$OLD" >/dev/null
oldbase=http://127.0.0.1:$("$DOCKER" port "$P-web-$OLD" 8080/tcp | head -n1 | sed 's/.*://')
sleep 1.5
http GET "$oldbase/readyz"; expect 503 "$OLD GET /readyz on schema 2"
"$DOCKER" rm -f "$P-web-$OLD" >/dev/null
t=$(now); "$DOCKER" stop "$P-queue" >/dev/null
http GET "$BASE/readyz"; expect 503 "GET /readyz while the queue is down"
http POST "$BASE/api/items" '{"title":"filed while the queue is down"}'; expect 201 "POST /api/items while the queue is down"
lost=$(jq -r .id <<<"$BODY")
if out=$(check_worker "$P-worker-$NEW"); then die "check-worker passed with the queue down: $out"; fi
echo "   check-worker with the queue down: $out"
t=$(now); "$DOCKER" start "$P-queue" >/dev/null
echo "   queue restarted (empty: no persistence): web ready after $(wait_ready "$BASE")s, worker alive after $(wait_worker "$P-worker-$NEW")s"
t=$(now)
for _ in $(seq 600); do
    http GET "$BASE/api/items/$lost"; [ "$(jq -r .state <<<"$BODY")" = processed ] && break; sleep 0.1
done
[ "$(jq -r .state <<<"$BODY")" = processed ] || die "the item filed while the queue was down was never processed"
ok "the item filed while the queue was down (its job never reached Redis) was swept up after $(since "$t")s: $(jq -r .summary <<<"$BODY")"
"$DOCKER" logs "$P-worker-$NEW" 2>&1 | sed 's/^/   worker| /'
t=$(now); "$DOCKER" stop "$P-worker-$NEW" >/dev/null
echo "   worker $NEW stopped (SIGTERM) in $(since "$t")s, exit code $("$DOCKER" inspect --format '{{.State.ExitCode}}' "$P-worker-$NEW")"
[ "$("$DOCKER" inspect --format '{{.State.ExitCode}}' "$P-worker-$NEW")" = 0 ] || die "worker did not stop cleanly"

step "fixture $CRASH: the worker exits 3 ~8 s after it processed its first item"
"$DOCKER" exec "$P-queue" redis-cli del tracker:worker:heartbeat >/dev/null   # the stopped worker's last beat
worker crash "$CRASH"
wait_worker "$P-worker-crash" >/dev/null
http POST "$BASE/api/items" '{"title":"for the crashing worker"}'; expect 201 "POST /api/items (the crashing worker's first)"
poll_processed "$BASE" "$(jq -r .id <<<"$BODY")"
t=$(now)
echo "   check-worker after its first item: $(check_worker "$P-worker-crash")"
code=$("$DOCKER" wait "$P-worker-crash")
echo "   exited with $code $(since "$t")s after its first item was seen processed"
"$DOCKER" logs "$P-worker-crash" 2>&1 | sed 's/^/   crash| /'
[ "$code" = 3 ] || die "expected exit code 3"

step "secrets, logs, memory"
secret=$(head -c 12 "$WORK/db/db_password")
for c in "$P-db" "$P-queue" "$P-web-$NEW" "$P-worker-$OLD" "$P-worker-crash"; do
    if "$DOCKER" logs "$c" 2>&1 | grep -qF "$secret"; then die "password in the logs of $c"; fi
    if "$DOCKER" inspect --format '{{json .Config.Env}}' "$c" | grep -qF "$secret"; then die "password in the env of $c"; fi
done
ok "password in no log and no environment"
"$DOCKER" logs "$P-web-$NEW" 2>&1 | sed 's/^/   web| /'
"$DOCKER" stats --no-stream --format '   memory {{.Name}}: {{.MemUsage}}' "$P-db" "$P-queue" "$P-web-$NEW"
"$DOCKER" exec "$P-web-$NEW" ls -la /srv/uploads | sed 's/^/   uploads| /'

step "done in $(since "$SMOKE_START")s"

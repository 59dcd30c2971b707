#!/usr/bin/env bash
# Benchmark: `provision tenant` for a fresh tenant vs the same stack brought up with Debian's
# `docker-compose up -d` plus waiting for the same /readyz, measured in the same run, on the same engine.
# Both start from nothing (new networks, new volume, initdb, migration job, app) with the same images,
# the same CPU/memory limits (size small) and the same secret delivered as a file.
# Prints each run, the medians and the ratio provision/compose. RUNS (default 7) sets the repetitions. Then a converged
# rerun of the first tenant (nothing to change, health gate included), RERUNS (default 7) times: the median.
# BASELINE=/path/to/another/provision (with BASELINE_TEMPLATES, its templates folder) also times that build in the
# same runs, alternating, and prints the ratio this build / the baseline (e.g. before and after a change).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVISION=${PROVISION:-$REPO/.build/provision/provision}
RUNS=${RUNS:-7}
WORK=$(mktemp -d /tmp/provision-bench.XXXXXX)
export PROVISIONER_HOME=$WORK/home NO_COLOR=1
# The runs' tenants pile up until the end (7 x 0.5 CPU on a 2-CPU machine): lift the capacity refusal for the benchmark.
export PROVISIONER_CAPACITY_SCOPE=registry PROVISIONER_CPU_OVERCOMMIT=1000
ID=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
BASELINE=${BASELINE:-}
baseline() { PROVISIONER_HOME=$WORK/home-baseline PROVISIONER_TEMPLATES=${BASELINE_TEMPLATES:-$REPO/templates} "$BASELINE" "$@"; }
trap 'cleanup' EXIT

command -v docker-compose >/dev/null || { apt-get install -y -q docker-compose >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q docker-compose >/dev/null; }; }

# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"

cleanup() {
    for i in $(seq 1 "$RUNS"); do
        "$PROVISION" destroy "bp$ID-$i" --yes --delete-data >/dev/null 2>&1 || true
        [ -n "$BASELINE" ] && { baseline destroy "bb$ID-$i" --yes --delete-data >/dev/null 2>&1 || true; }
        [ -f "$WORK/c$i/docker-compose.yml" ] && docker-compose -f "$WORK/c$i/docker-compose.yml" -p "bc$ID-$i" down -v >/dev/null 2>&1 || true
    done
    rm -rf "$WORK"
}

# The same stamp provision builds for size small: db 0.25 cpu / 256 MiB, app 0.25 cpu / 256 MiB.
write_compose() { # dir port
    mkdir -p "$1"
    head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$1/db_password"
    chmod 444 "$1/db_password"
    cat >"$1/docker-compose.yml" <<YAML
version: "3.9"
services:
  db:
    image: provisioner/postgres:15
    environment: { POSTGRES_USER: notes, POSTGRES_DB: notes }
    volumes: [ "data:/var/lib/postgresql/data" ]
    secrets: [ db_password ]
    networks: [ internal ]
    cpus: 0.25
    mem_limit: 256m
    init: true
    healthcheck:
      test: [ "CMD", "setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "psql", "-X", "-d", "notes", "-tAc", "select 1" ]
      interval: 200ms
      timeout: 5s
      retries: 600
  migrate:
    image: notes-app:1.1.0
    entrypoint: [ "/app/notes", "migrate" ]
    environment: { NOTES_DB_HOST: db, NOTES_DB_NAME: notes, NOTES_DB_USER: notes }
    secrets: [ db_password ]
    networks: [ internal ]
    cpus: 0.25
    mem_limit: 256m
    depends_on: { db: { condition: service_healthy } }
  app:
    image: notes-app:1.1.0
    environment: { NOTES_DB_HOST: db, NOTES_DB_NAME: notes, NOTES_DB_USER: notes }
    secrets: [ db_password ]
    networks: [ internal, edge ]
    ports: [ "127.0.0.1:$2:8080" ]
    cpus: 0.25
    mem_limit: 256m
    init: true
    depends_on: { migrate: { condition: service_completed_successfully } }
networks:
  internal: { internal: true }
  edge: {}
volumes:
  data: {}
secrets:
  db_password: { file: ./db_password }
YAML
}

wait_ready() { # url
    for _ in $(seq 1 1200); do
        curl -fsS --max-time 2 "$1/readyz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "bench: $1/readyz never answered 200" >&2
    return 1
}

echo "provision vs docker-compose, $RUNS fresh tenants each (size small, notes@1.1.0), alternating"
p_times=() c_times=() b_times=()
for i in $(seq 1 "$RUNS"); do
    start=$(now)
    "$PROVISION" tenant "bp$ID-$i" --template notes@1.1.0 >/dev/null 2>"$WORK/p$i.err" || { cat "$WORK/p$i.err" >&2; exit 1; }
    p=$(elapsed "$start")
    p_times+=("$p")
    b=""
    if [ -n "$BASELINE" ]; then
        start=$(now)
        baseline tenant "bb$ID-$i" --template notes@1.1.0 >/dev/null 2>"$WORK/b$i.err" || { cat "$WORK/b$i.err" >&2; exit 1; }
        b=$(elapsed "$start")
        b_times+=("$b")
    fi

    port=$((39000 + i))
    write_compose "$WORK/c$i" "$port"
    start=$(now)
    docker-compose -f "$WORK/c$i/docker-compose.yml" -p "bc$ID-$i" up -d >/dev/null 2>"$WORK/c$i.err" || { cat "$WORK/c$i.err" >&2; exit 1; }
    wait_ready "http://127.0.0.1:$port"
    c=$(elapsed "$start")
    c_times+=("$c")
    printf 'run %d: provision %6.2f s   docker-compose up + ready %6.2f s%s\n' "$i" "$p" "$c" "${b:+   baseline $b s}"
done

pm=$(printf '%s\n' "${p_times[@]}" | median)
cm=$(printf '%s\n' "${c_times[@]}" | median)
ratio=$(awk -v a="$pm" -v b="$cm" 'BEGIN { printf "%.2f", a / b }')
echo "median: provision ${pm} s, docker-compose ${cm} s"
echo "ratio provision/compose: ${ratio}x (target <= 0.8x)"
echo "(provision also runs the SQL check and the notes round-trip journey; compose only waits for /readyz)"
record provision-vs-compose "fresh tenant / (compose up + ready)" "$ratio" x "<=0.8" "median of $RUNS each: provision $pm s, compose $cm s"
# The compose stacks are done with: their health checks (a psql every 200 ms in each) would load the machine the reruns
# are timed on. Provision's tenants (and the baseline's) stay up, idle.
for i in $(seq 1 "$RUNS"); do
    [ -f "$WORK/c$i/docker-compose.yml" ] && docker-compose -f "$WORK/c$i/docker-compose.yml" -p "bc$ID-$i" down -v >/dev/null 2>&1 || true
done
r_times=() rb_times=()
for _ in $(seq 1 "${RERUNS:-7}"); do
    start=$(now)
    "$PROVISION" tenant "bp$ID-1" >/dev/null 2>"$WORK/r.err" || { cat "$WORK/r.err" >&2; exit 1; }
    r_times+=("$(elapsed "$start")")
    if [ -n "$BASELINE" ]; then
        start=$(now)
        baseline tenant "bb$ID-1" >/dev/null 2>"$WORK/rb.err" || { cat "$WORK/rb.err" >&2; exit 1; }
        rb_times+=("$(elapsed "$start")")
    fi
done
rm=$(printf '%s\n' "${r_times[@]}" | median)
echo "converged rerun (health gate included): median ${rm} s of ${#r_times[@]}: ${r_times[*]} (target <= 0.3 s)"
record provision-vs-compose "converged rerun, health gate included" "$rm" s "<=0.3" "median of ${#r_times[@]}"
if [ -n "$BASELINE" ]; then
    bm=$(printf '%s\n' "${b_times[@]}" | median)
    echo "baseline $BASELINE: fresh tenant median ${bm} s; ratio this build/baseline: $(awk -v a="$pm" -v b="$bm" 'BEGIN { printf "%.2f", a / b }')x"
    rbm=$(printf '%s\n' "${rb_times[@]}" | median)
    echo "baseline converged rerun: median ${rbm} s of ${#rb_times[@]}: ${rb_times[*]}; ratio this build/baseline: $(awk -v a="$rm" -v b="$rbm" 'BEGIN { printf "%.2f", a / b }')x"
fi

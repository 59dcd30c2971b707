#!/usr/bin/env bash
# Benchmark: what a customer sees during `provision upgrade` notes 1.0.0 -> 1.1.0, on each of its three paths, in one
# run, a fresh tenant each:
#   stop-migrate    the migration treated as breaking (a copy of the templates without its compatibleWith): the app
#                   is stopped for the backup and the migration, then replaced
#   quiet-in-place  the shipped template (compatibleWith: [1.0.0]), tenant on its own published port: migrated while
#                   1.0.0 serves, then the app replaced in place
#   quiet           the same behind the edge proxy: 1.1.0 started beside 1.0.0 and switched to at the edge
# A client reads the notes list RATE (default 20) times a second, with one write in five, through the tenant's endpoint
# (the published port, or the edge with the tenant's host name over TLS trusting the edge's CA), from before the upgrade
# until after it; each request has a 2 s timeout. Per path: requests, failed requests, and the downtime (first failed
# request to the first success after the last failed one).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVISION=${PROVISION:-$REPO/.build/provision/provision}
RATE=${RATE:-20}
PATHS=${PATHS:-stop-migrate quiet-in-place quiet}
WORK=$(mktemp -d /tmp/provision-bench-upgrade.XXXXXX)
export NO_COLOR=1
ID=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"
own_edge "$ID"
trap 'cleanup' EXIT
made=()
cleanup() {
    [ -z "${client:-}" ] || kill "$client" 2>/dev/null || true
    for entry in "${made[@]}"; do
        # shellcheck disable=SC2086
        env ${entry%%|*} "$PROVISION" destroy "${entry##*|}" --yes --delete-data >/dev/null 2>&1 || true
    done
    remove_own_edge
    rm -rf "$WORK"
}

# The breaking variant: the shipped templates with the migration's compatibleWith taken out.
cp -r "$REPO/templates" "$WORK/breaking"
sed -i 's/, compatibleWith: \[1.0.0\]//' "$WORK/breaking/notes/1.1.0/template.yaml"
grep -q compatibleWith "$WORK/breaking/notes/1.1.0/template.yaml" && { echo "could not make the breaking variant" >&2; exit 1; }

# One request every 1/RATE s whatever the previous ones do (a pool of threads in one process: forking a curl per request
# would itself load a 2-core machine), each stamped with when it was sent; stops when the stop file appears.
client_script='
import http.client, json, os, socket, ssl, sys, threading, time
from concurrent.futures import ThreadPoolExecutor
host, port, sni, ca, rate, stop = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5]), sys.argv[6]
ctx = ssl.create_default_context(cafile=ca) if ca else None
lock = threading.Lock()
def connection():
    if ctx is None:
        return http.client.HTTPConnection(host, port, timeout=2)
    c = http.client.HTTPSConnection(sni, port, timeout=2, context=ctx)
    raw = socket.create_connection((host, port), timeout=2)
    c.sock = ctx.wrap_socket(raw, server_hostname=sni)
    return c
def call(sent, i):
    try:
        c = connection()
        if i % 5 == 4:
            c.request("POST", "/api/notes", json.dumps({"body": f"bench {i}"}), {"Content-Type": "application/json"})
            code = 200 if c.getresponse().status == 201 else 1
        else:
            c.request("GET", "/api/notes")
            code = c.getresponse().status
        c.close()
    except Exception:
        code = 0
    with lock:
        print(f"{sent:.3f} {code}", flush=True)
with ThreadPoolExecutor(max_workers=64) as pool:
    start, i = time.time(), 0
    while not os.path.exists(stop):
        next_at = start + i / rate
        time.sleep(max(0.0, next_at - time.time()))
        pool.submit(call, time.time(), i)
        i += 1
'

run_path() {
    local path=$1 t=bu$ID$2 envs="PROVISIONER_HOME=$WORK/home-$1"
    case "$path" in
        stop-migrate) envs="$envs PROVISIONER_TEMPLATES=$WORK/breaking" ;;
        quiet) envs="$envs PROVISIONER_EDGE=on PROVISIONER_EDGE_DOMAIN=tenants.test PROVISIONER_EDGE_PORT=$EDGE_PORT PROVISIONER_EDGE_NAME=$EDGE" ;;
    esac
    made+=("$envs|$t")
    # shellcheck disable=SC2086
    env $envs "$PROVISION" tenant "$t" --template notes@1.0.0 >"$WORK/out" 2>&1 || { cat "$WORK/out" >&2; exit 1; }
    local ca="" sni="" port
    if [ "$path" = quiet ]; then
        # shellcheck disable=SC2086
        ca=$(env $envs "$PROVISION" edge ca)
        sni=$t.tenants.test port=$EDGE_PORT
    else
        # shellcheck disable=SC2086
        port=$(env $envs "$PROVISION" status "$t" --json | sed -n 's/.*"endpoint": "http:\/\/127.0.0.1:\([0-9]*\)".*/\1/p' | head -1)
    fi
    rm -f "$WORK/stop"
    python3 -c "$client_script" 127.0.0.1 "$port" "$sni" "$ca" "$RATE" "$WORK/stop" >"$WORK/requests-$path" &
    client=$!
    sleep 2
    local start took outcome
    start=$(now)
    # shellcheck disable=SC2086
    if env $envs "$PROVISION" upgrade "$t" --to 1.1.0 --report "$WORK/report-$path.json" >"$WORK/upgrade-$path" 2>&1; then outcome=upgraded; else outcome=FAILED; fi
    took=$(elapsed "$start")
    sleep 2
    touch "$WORK/stop"
    wait "$client" 2>/dev/null || true
    client=
    [ "$outcome" = upgraded ] || sed 's/^/    /' "$WORK/upgrade-$path" >&2
    local reported total failed downtime span
    reported=$(python3 -c 'import json, sys; t = json.load(open(sys.argv[1]))["tenants"][0]; print(t.get("path"), t.get("downtimeSeconds"))' "$WORK/report-$path.json" 2>/dev/null || echo "? ?")
    read -r total failed downtime < <(awk '
        { n++; ok = ($2 == "200") }
        !ok { f++; if (first == "") first = $1; last = $1; back = "" }
        ok && last != "" && back == "" { back = $1 }
        END { printf "%d %d %.1f\n", n, f + 0, (first == "" ? 0 : (back == "" ? last : back) - first) }' < <(sort -n "$WORK/requests-$path"))
    span=$(sort -n "$WORK/requests-$path" | awk 'NR == 1 { a = $1 } { b = $1 } END { printf "%.1f", b - a }')
    printf '%-15s %s in %s s (reported: path %s, downtime %s s); client at %s/s: %s requests over %s s, %s failed, downtime %s s\n' \
        "$path" "$outcome" "$took" "${reported% *}" "${reported#* }" "$RATE" "$total" "$span" "$failed" "$downtime"
    local target=-
    [ "$path" = quiet ] && target="=0"
    record upgrade-downtime "failed requests during an upgrade ($path)" "$failed" requests "$target" "$total requests at $RATE/s, one in five a write; $outcome in $took s"
    record upgrade-downtime "customer-visible downtime of an upgrade ($path)" "$downtime" s "-" "first failed request to the first success after the last; provision reported ${reported#* } s"
}

n=0
for path in $PATHS; do
    n=$((n + 1))
    run_path "$path" "$n"
done

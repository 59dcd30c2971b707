#!/usr/bin/env bash
# Benchmark: what a customer sees during `provision upgrade`. A client reads the notes list RATE (default 10) times a
# second through the tenant's published port, from before the upgrade starts until it ends; each request has a 1 s
# timeout. Prints requests, failed requests, and the downtime: from the first failed request to the first success after
# the last failed one. notes 1.0.0 -> 1.1.0 adds a column: today every upgrade takes the stop, backup, migrate path.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVISION=${PROVISION:-$REPO/.build/provision/provision}
RATE=${RATE:-10}
WORK=$(mktemp -d /tmp/provision-bench-upgrade.XXXXXX)
export PROVISIONER_HOME=$WORK/home NO_COLOR=1
ID=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
T=bu$ID
# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"
trap 'cleanup' EXIT
cleanup() {
    [ -z "${client:-}" ] || kill "$client" 2>/dev/null || true
    "$PROVISION" destroy "$T" --yes --delete-data >/dev/null 2>&1 || true
    rm -rf "$WORK"
}

"$PROVISION" tenant "$T" --template notes@1.0.0 >"$WORK/out" 2>&1 || { cat "$WORK/out" >&2; exit 1; }
endpoint=$("$PROVISION" status "$T" --json | sed -n 's/.*"endpoint": "\(http[^"]*\)".*/\1/p' | head -1)
# One request every 1/RATE s whatever the previous ones do (a pool of threads in one process: forking a curl per request
# would itself load a 2-core machine), each stamped with when it was sent; stops when $WORK/stop appears.
python3 - "$endpoint/api/notes" "$RATE" "$WORK/stop" >"$WORK/requests" <<'PY' &
import os, sys, time, threading, urllib.request
from concurrent.futures import ThreadPoolExecutor
url, rate, stop = sys.argv[1], float(sys.argv[2]), sys.argv[3]
lock = threading.Lock()
def get(sent):
    try:
        with urllib.request.urlopen(url, timeout=1) as r:
            code = r.status
    except Exception:
        code = 0
    with lock:
        print(f"{sent:.3f} {code}", flush=True)
with ThreadPoolExecutor(max_workers=64) as pool:
    start, i = time.time(), 0
    while not os.path.exists(stop):
        next_at = start + i / rate
        time.sleep(max(0.0, next_at - time.time()))
        pool.submit(get, time.time())
        i += 1
PY
client=$!
sleep 2
start=$(now)
"$PROVISION" upgrade "$T" --to 1.1.0 >"$WORK/upgrade" 2>&1 || { cat "$WORK/upgrade" >&2; exit 1; }
took=$(elapsed "$start")
sleep 2
touch "$WORK/stop"
wait "$client" 2>/dev/null || true
client=
read -r total failed downtime < <(awk '
    { n++; ok = ($2 == "200") }
    !ok { f++; if (first == "") first = $1; last = $1; back = "" }
    ok && last != "" && back == "" { back = $1 }
    END { printf "%d %d %.1f\n", n, f, (first == "" ? 0 : (back == "" ? last : back) - first) }' < <(sort -n "$WORK/requests"))
span=$(sort -n "$WORK/requests" | awk 'NR == 1 { a = $1 } { b = $1 } END { printf "%.1f", b - a }')
echo "upgrade notes 1.0.0 -> 1.1.0: $took s; client at $RATE requests/s: $total requests over $span s, $failed failed, downtime $downtime s"
record upgrade-downtime "failed requests during an upgrade (stop-migrate path)" "$failed" requests "-" "$total requests at $RATE/s; upgrade $took s"
record upgrade-downtime "customer-visible downtime of an upgrade (stop-migrate path)" "$downtime" s "-" "first failed request to the first success after the last"

#!/usr/bin/env bash
# Benchmark: what a customer sees during `provision upgrade`. A client reads the notes list RATE (default 20) times a
# second through the tenant's published port, from before the upgrade starts until it ends; each request has a 1 s
# timeout. Prints requests, failed requests, and the downtime: from the first failed request to the first success after
# the last failed one. notes 1.0.0 -> 1.1.0 adds a column: today every upgrade takes the stop, backup, migrate path.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVISION=${PROVISION:-$REPO/.build/provision/provision}
RATE=${RATE:-20}
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
interval=$(awk -v r="$RATE" 'BEGIN { printf "%.3f", 1 / r }')
(
    while [ ! -f "$WORK/stop" ]; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$endpoint/api/notes" || true)
        printf '%s %s\n' "$(date +%s.%N)" "$code" >>"$WORK/requests"
        sleep "$interval"
    done
) &
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
    END { printf "%d %d %.1f\n", n, f, (first == "" ? 0 : (back == "" ? last : back) - first) }' "$WORK/requests")
echo "upgrade notes 1.0.0 -> 1.1.0: $took s; client at $RATE requests/s: $total requests, $failed failed, downtime $downtime s"
record upgrade-downtime "failed requests during an upgrade (stop-migrate path)" "$failed" requests "-" "$total requests at $RATE/s; upgrade $took s"
record upgrade-downtime "customer-visible downtime of an upgrade (stop-migrate path)" "$downtime" s "-" "first failed request to the first success after the last"

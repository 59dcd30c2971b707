#!/usr/bin/env bash
# Benchmark: what the edge proxy (on by default) costs. Fresh small notes tenants behind an edge of this run's own (its
# name, a free port, the default domain localhost) vs on their own published port (the edge off), alternating, RUNS
# (default 5) of each; then a converged rerun (nothing to change, health gate included: behind the edge the checks go
# through it over TLS) of the first of each, RERUNS (default 7) times. Prints each run, the medians and the ratios
# edge / own port, measured in the same run on the same engine.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVISION=${PROVISION:-$REPO/.build/provision/provision}
RUNS=${RUNS:-5}
RERUNS=${RERUNS:-7}
WORK=$(mktemp -d /tmp/provision-bench.XXXXXX)
ID=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')

# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"
own_edge "$ID"
export NO_COLOR=1 PROVISIONER_DEFAULT_TEMPLATE=notes PROVISIONER_CAPACITY_SCOPE=registry PROVISIONER_CPU_OVERCOMMIT=1000
edge() { PROVISIONER_HOME=$WORK/edge PROVISIONER_EDGE=on PROVISIONER_EDGE_NAME=$EDGE PROVISIONER_EDGE_PORT=$EDGE_PORT "$PROVISION" "$@"; }
port() { PROVISIONER_HOME=$WORK/port PROVISIONER_EDGE=off "$PROVISION" "$@"; }

cleanup() {
    for i in $(seq 1 "$RUNS"); do
        edge destroy "be$ID-$i" --yes --delete-data >/dev/null 2>&1 || true
        port destroy "bo$ID-$i" --yes --delete-data >/dev/null 2>&1 || true
    done
    remove_own_edge
    rm -rf "$WORK"
}
trap cleanup EXIT

timed() { # variant tenant -> seconds
    local start out
    start=$(now)
    out=$("$1" tenant "$2" 2>&1) || { echo "$out" >&2; exit 1; }
    elapsed "$start"
}

# The edge's own container is made by a first tenant of its own, untimed, so each timed run pays only a tenant's route.
edge tenant "be$ID-0" >/dev/null 2>&1 || { edge tenant "be$ID-0"; exit 1; }
edge destroy "be$ID-0" --yes --delete-data >/dev/null

: >"$WORK/fresh-edge"; : >"$WORK/fresh-port"
for i in $(seq 1 "$RUNS"); do
    e=$(timed edge "be$ID-$i"); p=$(timed port "bo$ID-$i")
    echo "run $i: fresh tenant behind the edge ${e} s, on its own port ${p} s"
    echo "$e" >>"$WORK/fresh-edge"; echo "$p" >>"$WORK/fresh-port"
done

: >"$WORK/rerun-edge"; : >"$WORK/rerun-port"
for _ in $(seq 1 "$RERUNS"); do
    timed edge "be$ID-1" >>"$WORK/rerun-edge"; echo >>"$WORK/rerun-edge"
    timed port "bo$ID-1" >>"$WORK/rerun-port"; echo >>"$WORK/rerun-port"
done

fe=$(median <"$WORK/fresh-edge"); fp=$(median <"$WORK/fresh-port")
re=$(grep . "$WORK/rerun-edge" | median); rp=$(grep . "$WORK/rerun-port" | median)
fr=$(awk -v a="$fe" -v b="$fp" 'BEGIN { printf "%.2f", a / b }')
rr=$(awk -v a="$re" -v b="$rp" 'BEGIN { printf "%.2f", a / b }')
echo "fresh tenant: behind the edge ${fe} s, own port ${fp} s (medians of $RUNS): ${fr}x"
echo "converged rerun: behind the edge ${re} s, own port ${rp} s (medians of $RERUNS): ${rr}x"
record edge-vs-port "fresh tenant behind the edge / on its own port" "$fr" x - "$fe s / $fp s, medians of $RUNS"
record edge-vs-port "converged rerun behind the edge (the default)" "$re" s "<=0.3" "median of $RERUNS; own port $rp s (${rr}x)"

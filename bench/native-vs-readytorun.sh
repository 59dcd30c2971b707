#!/usr/bin/env bash
# Benchmark: what the native build (NativeAOT, what `make build` makes where a C toolchain is) gains over the ReadyToRun
# one (what it falls back to). Builds the ReadyToRun binary of this checkout into .build/readytorun (the first time
# about 2.5 minutes on 2 cores; then incremental), provisions one small notes tenant behind an edge of this run's own
# (the default), then times, alternating between the two binaries on that same tenant: RERUNS (default 9) converged
# reruns (nothing to change, health gate included), `list` and `status`. Prints each run, the medians and the ratios
# native / ReadyToRun.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NATIVE=${PROVISION:-$REPO/.build/provision/provision}
R2R_BIN=$REPO/.build/readytorun
RERUNS=${RERUNS:-9}
ID=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
TENANT=bn$ID

# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"
own_edge "$ID"
if [ "$(cat "$(dirname "$NATIVE")/.kind" 2>/dev/null)" != native ]; then
    echo "skipped: $NATIVE is not the native binary (no C compiler here?), so there is nothing to compare it with"
    exit 0
fi
WORK=$(mktemp -d /tmp/provision-bench.XXXXXX)

export NO_COLOR=1 PROVISIONER_DEFAULT_TEMPLATE=notes PROVISIONER_CAPACITY_SCOPE=registry PROVISIONER_CPU_OVERCOMMIT=1000
export PROVISIONER_HOME=$WORK/home PROVISIONER_EDGE=on PROVISIONER_EDGE_NAME=$EDGE PROVISIONER_EDGE_PORT=$EDGE_PORT
cleanup() {
    "$NATIVE" destroy "$TENANT" --yes --delete-data >/dev/null 2>&1 || true
    remove_own_edge
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "building the ReadyToRun binary into $R2R_BIN"
PROVISIONER_NATIVE=0 PROVISION_BIN=$R2R_BIN "$REPO/infra/build/publish-cli.sh"
R2R=$R2R_BIN/provision

"$NATIVE" tenant "$TENANT" >/dev/null 2>&1 || { "$NATIVE" tenant "$TENANT"; exit 1; }

timed() { # binary args... -> seconds (3 decimals)
    local start out bin=$1
    shift
    start=$(now)
    out=$("$bin" "$@" 2>&1) || { echo "$out" >&2; exit 1; }
    elapsed "$start" 3
}

for what in rerun list status; do
    : >"$WORK/$what-native"; : >"$WORK/$what-r2r"
done
for i in $(seq 1 "$RERUNS"); do
    n=$(timed "$NATIVE" tenant "$TENANT"); r=$(timed "$R2R" tenant "$TENANT")
    echo "run $i: converged rerun native ${n} s, ReadyToRun ${r} s"
    echo "$n" >>"$WORK/rerun-native"; echo "$r" >>"$WORK/rerun-r2r"
    timed "$NATIVE" list >>"$WORK/list-native"; echo >>"$WORK/list-native"
    timed "$R2R" list >>"$WORK/list-r2r"; echo >>"$WORK/list-r2r"
    timed "$NATIVE" status "$TENANT" >>"$WORK/status-native"; echo >>"$WORK/status-native"
    timed "$R2R" status "$TENANT" >>"$WORK/status-r2r"; echo >>"$WORK/status-r2r"
done

for what in rerun list status; do
    n=$(grep . "$WORK/$what-native" | median); r=$(grep . "$WORK/$what-r2r" | median)
    ratio=$(awk -v a="$n" -v b="$r" 'BEGIN { printf "%.2f", a / b }')
    echo "$what: native ${n} s, ReadyToRun ${r} s (medians of $RERUNS): ${ratio}x"
    case $what in
        rerun) record native-vs-readytorun "converged rerun behind the edge, native / ReadyToRun" "$ratio" x - "$n s / $r s, medians of $RERUNS alternating" ;;
        list) record native-vs-readytorun "provision list, native / ReadyToRun" "$ratio" x - "$n s / $r s, medians of $RERUNS alternating (1 tenant)" ;;
        status) record native-vs-readytorun "provision status, native / ReadyToRun" "$ratio" x - "$n s / $r s, medians of $RERUNS alternating" ;;
    esac
done

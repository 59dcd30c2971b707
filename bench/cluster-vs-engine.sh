#!/usr/bin/env bash
# Benchmark: `provision tenant` of a fresh notes tenant (size small) on the 3-node Swarm cluster (`make cluster`) vs on the
# single engine, alternating, in the same run. Each run starts from nothing (networks, volume, initdb, migration job, app)
# and ends when the health gate has passed (journey included). Images are warmed first on both (the first tenant on a
# cluster node pulls the images from the in-cluster registry once). Prints each run, the medians and the ratio
# cluster/engine. RUNS (default 3) sets the repetitions; every tenant is destroyed with its data at the end.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVISION=${PROVISION:-$REPO/.build/provision/provision}
RUNS=${RUNS:-3}
MANAGER=$(cat "$REPO/.build/cluster/manager" 2>/dev/null) || { echo "no cluster: run make cluster first" >&2; exit 1; }
WORK=$(mktemp -d /tmp/provision-bench-cluster.XXXXXX)
ID=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
export NO_COLOR=1 PROVISIONER_DEFAULT_TEMPLATE=notes
engine() { PROVISIONER_HOME=$WORK/engine PROVISIONER_CAPACITY_SCOPE=registry PROVISIONER_CPU_OVERCOMMIT=1000 "$PROVISION" "$@"; }
cluster() { PROVISIONER_HOME=$WORK/cluster PROVISIONER_BACKEND=swarm PROVISIONER_SWARM_MANAGER=$MANAGER "$PROVISION" "$@"; }
# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"
cleanup() {
    for i in warm $(seq 1 "$RUNS"); do
        engine destroy "be$ID-$i" --yes --delete-data >/dev/null 2>&1 || true
        cluster destroy "bs$ID-$i" --yes --delete-data >/dev/null 2>&1 || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "warming up (one tenant each, not timed)..."
engine tenant "be$ID-warm" >/dev/null 2>&1
cluster tenant "bs$ID-warm" >/dev/null 2>&1
engine destroy "be$ID-warm" --yes --delete-data >/dev/null 2>&1
cluster destroy "bs$ID-warm" --yes --delete-data >/dev/null 2>&1

: >"$WORK/engine.times"; : >"$WORK/cluster.times"
for i in $(seq 1 "$RUNS"); do
    t=$(now); engine tenant "be$ID-$i" >/dev/null 2>&1 || { echo "engine run $i failed" >&2; exit 1; }; e=$(elapsed "$t")
    t=$(now); cluster tenant "bs$ID-$i" >"$WORK/out" 2>&1 || { cat "$WORK/out" >&2; echo "cluster run $i failed" >&2; exit 1; }; c=$(elapsed "$t")
    node=$(cluster list --json | tr -d ' \n' | sed -n "s/.*\"name\":\"bs$ID-$i\"[^}]*\"host\":\"\([^\"]*\)\".*/\1/p")
    echo "run $i: engine ${e} s, cluster ${c} s (data on ${node:-?})"
    echo "$e" >>"$WORK/engine.times"; echo "$c" >>"$WORK/cluster.times"
done
me=$(median <"$WORK/engine.times"); mc=$(median <"$WORK/cluster.times")
awk -v e="$me" -v c="$mc" 'BEGIN { printf "median: engine %.2f s, cluster %.2f s; cluster/engine %.2fx\n", e, c, c / e }'
record cluster-vs-engine "fresh tenant on the cluster / on one engine" "$(awk -v e="$me" -v c="$mc" 'BEGIN { printf "%.2f", c / e }')" x "-" \
    "median of $RUNS: cluster $mc s, engine $me s"

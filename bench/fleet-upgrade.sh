#!/usr/bin/env bash
# Benchmark: a fleet upgrade's parallelism. N tenants (default 6) go 1.0.0 -> 1.1.0 with --parallel P (default 2) in one
# wave (--canary 0 --wave-size 100%), against the same upgrade of single tenants measured in the same run:
#   ratio = fleet wall time / (ceil(N/P) x one tenant's upgrade time)      (1.0 = perfect parallelism; aim <= 1.2)
# One tenant's time is the median of SINGLES (default 2) single-tenant upgrades. Every upgrade is the whole flow:
# preflight, verified backup, migration job, replace, health gate, monitor window (default 5 s).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVISION=${PROVISION:-$REPO/.build/provision/provision}
N=${N:-6}
P=${P:-2}
SINGLES=${SINGLES:-2}
WORK=$(mktemp -d /tmp/provision-fleet-bench.XXXXXX)
export PROVISIONER_HOME=$WORK/home NO_COLOR=1
# 8 small tenants promise 4 CPUs on a 2-CPU machine: lift the capacity refusal for the benchmark (limits stay enforced).
export PROVISIONER_CAPACITY_SCOPE=registry PROVISIONER_CPU_OVERCOMMIT=1000
ID=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
trap 'cleanup' EXIT

# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"
names() { for i in $(seq 1 "$1"); do echo "$2$ID-$i"; done; }

cleanup() {
    for t in $(names "$N" bf) $(names "$SINGLES" bs); do
        "$PROVISION" destroy "$t" --yes --delete-data >/dev/null 2>&1 || true
    done
    rm -rf "$WORK"
}

echo "fleet upgrade benchmark: N=$N tenants, parallel P=$P, $SINGLES single-tenant upgrades as the baseline"
for t in $(names "$SINGLES" bs) $(names "$N" bf); do
    out=$("$PROVISION" tenant "$t" --template notes@1.0.0 2>&1) || { echo "provisioning $t failed:" >&2; echo "$out" | tail -n 3 >&2; exit 1; }
done

singles=()
for t in $(names "$SINGLES" bs); do
    s=$(now)
    "$PROVISION" upgrade "$t" --to 1.1.0 >/dev/null 2>&1 || { echo "upgrading $t failed" >&2; exit 1; }
    singles+=("$(elapsed "$s")")
    echo "single  $t: ${singles[-1]} s"
done
single=$(printf '%s\n' "${singles[@]}" | median)

s=$(now)
"$PROVISION" upgrade --tenants "$(names "$N" bf | paste -sd,)" --to 1.1.0 --parallel "$P" --canary 0 --wave-size 100% >/dev/null 2>&1 \
    || { echo "the fleet upgrade failed" >&2; exit 1; }
fleet=$(elapsed "$s")
rounds=$(( (N + P - 1) / P ))
awk -v f="$fleet" -v s="$single" -v r="$rounds" -v n="$N" -v p="$P" 'BEGIN {
    printf "fleet   %d tenants at parallel %d: %.2f s\n", n, p, f
    printf "ideal   ceil(%d/%d) x %.2f s = %.2f s\n", n, p, s, r * s
    printf "ratio   fleet / ideal = %.2fx\n", f / (r * s) }'
record fleet-upgrade "fleet upgrade / ideal parallel" "$(awk -v f="$fleet" -v s="$single" -v r="$rounds" 'BEGIN { printf "%.2f", f / (r * s) }')" x "<=1.2" \
    "$N tenants at --parallel $P: $fleet s; one tenant $single s"

#!/usr/bin/env bash
# Benchmark: `provision host drain` of a cluster node holding TENANTS (default 2) notes tenants, each with NOTES (default
# 10000) notes, on the 3-node Swarm cluster (`make cluster`), against the baseline of the same run: a fresh `provision
# tenant` on the cluster (from nothing to health-gated). The tenants are placed on node swt2 (the other nodes paused
# while they are provisioned). Prints the drain's time per tenant (from its own report: backup, placement, restore,
# checksums, health gate, switch), how long each tenant's writers were stopped, the baseline, and the ratio
# drain-per-tenant / provision. Everything it made is destroyed at the end and every node is active again.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVISION=${PROVISION:-$REPO/.build/provision/provision}
TENANTS=${TENANTS:-2}
NOTES=${NOTES:-10000}
MANAGER=$(cat "$REPO/.build/cluster/manager" 2>/dev/null) || { echo "no cluster: run make cluster first" >&2; exit 1; }
NODE=swt2
WORK=$(mktemp -d /tmp/provision-bench-drain.XXXXXX)
ID=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
export NO_COLOR=1 PROVISIONER_DEFAULT_TEMPLATE=notes
cluster() { PROVISIONER_HOME=$WORK PROVISIONER_BACKEND=swarm PROVISIONER_SWARM_MANAGER=$MANAGER PROVISIONER_CPU_OVERCOMMIT=1 "$PROVISION" "$@"; }
manager() { docker -H "$MANAGER" "$@"; }
# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"
others() { for n in swt1 swt3; do manager node update --availability "$1" "$n" >/dev/null; done; }
cleanup() {
    for n in swt1 swt2 swt3; do manager node update --availability active "$n" >/dev/null 2>&1 || true; done
    for i in base $(seq 1 "$TENANTS"); do cluster destroy "dr$ID-$i" --yes --delete-data >/dev/null 2>&1 || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "baseline: a fresh tenant on the cluster..."
t=$(now); cluster tenant "dr$ID-base" >"$WORK/out" 2>&1 || { cat "$WORK/out" >&2; exit 1; }; base=$(elapsed "$t")
cluster destroy "dr$ID-base" --yes --delete-data >/dev/null 2>&1

echo "placing $TENANTS tenant(s) with $NOTES notes each on $NODE..."
others pause
for i in $(seq 1 "$TENANTS"); do
    cluster tenant "dr$ID-$i" >"$WORK/out" 2>&1 || { others active; cat "$WORK/out" >&2; exit 1; }
done
others active
NODE_ENGINE=unix://$REPO/.build/cluster/2/docker.sock
for i in $(seq 1 "$TENANTS"); do
    db=$(docker -H "$NODE_ENGINE" ps -q --filter "label=com.docker.swarm.service.name=t-dr$ID-$i-db" | head -1)
    docker -H "$NODE_ENGINE" exec -u postgres "$db" psql -X -q -v ON_ERROR_STOP=1 -d notes \
        -c "insert into notes (body) select 'note ' || g || ' ' || md5(g::text) from generate_series(1, $NOTES) g" >/dev/null
done

echo "draining $NODE..."
t=$(now); cluster host drain "$NODE" --json >"$WORK/drain.json" 2>"$WORK/drain.err" || { cat "$WORK/drain.err" >&2; exit 1; }; total=$(elapsed "$t")
python3 - "$WORK/drain.json" "$base" "$total" "$WORK/ratio" <<'PY'
import json, sys
report, base, total = json.load(open(sys.argv[1])), float(sys.argv[2]), float(sys.argv[3])
for t in report["tenants"]:
    print(f"  {t['tenant']}: {t['from']} -> {t['to']}, {t['outcome']}, checksums identical: {t['checksumsMatch']}, "
          f"{t['seconds']:.1f} s, writers stopped {t['downtimeSeconds']:.1f} s")
per = [t["seconds"] for t in report["tenants"] if t["outcome"] == "moved"]
mean = sum(per) / len(per)
print(f"drain of {len(per)} tenant(s): {total:.1f} s in all, {mean:.1f} s per tenant; fresh provision on the cluster {base:.1f} s; "
      f"ratio drain-per-tenant/provision {mean / base:.2f}")
with open(sys.argv[4], "w") as f:
    f.write(f"{mean / base:.2f}\t{mean:.1f}\t{max(t['downtimeSeconds'] for t in report['tenants']):.1f}\n")
PY
IFS=$'\t' read -r ratio per stopped <"$WORK/ratio"
record drain "host drain per tenant / fresh provision on the cluster" "$ratio" x "-" "$per s per tenant ($NOTES notes each), provision $base s"
record drain "writers stopped per tenant during a drain (longest)" "$stopped" s "-" "$TENANTS tenants"

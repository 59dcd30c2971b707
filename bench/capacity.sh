#!/usr/bin/env bash
# Benchmark: `provision capacity --json` over a simulated fleet of 10,000 tenants on 50 hosts — a registry fixture
# (tenants rows + one observed snapshot per host), no engine involved (`--from registry`). Target: under 1 s.
# Prints each run and the median; RUNS (default 7), TENANTS (10000) and HOSTS (50) change the fixture.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVISION=${PROVISION:-$REPO/.build/provision/provision}
RUNS=${RUNS:-7}
TENANTS=${TENANTS:-10000}
HOSTS=${HOSTS:-50}
WORK=$(mktemp -d /tmp/provision-capacity-bench.XXXXXX)
export PROVISIONER_HOME=$WORK/home NO_COLOR=1
trap 'rm -rf "$WORK"' EXIT

command -v sqlite3 >/dev/null || { apt-get install -y -q sqlite3 >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q sqlite3 >/dev/null; }; }

# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"

# The registry file with its schema, made by provision itself, then filled: hosts of 96-194 CPUs, 384 GiB-1.1 TiB memory
# and 8 TiB disk; tenants 70% small, 20% medium, 10% large, spread round-robin.
"$PROVISION" list >/dev/null
sqlite3 "$PROVISIONER_HOME/registry.db" <<SQL
begin;
with recursive h(i) as (select 1 union all select i + 1 from h where i < $HOSTS)
insert into capacity_snapshots (taken_at, host, source, tenants, cpus, memory, disk, reserved_cpu, reserved_memory, reserved_disk)
select '2026-11-01T00:00:00.0000000+00:00', printf('host-%02d', i), 'engine', 0, 96 + 2 * i, (384 + 16 * i) * 1073741824, 8 * 1099511627776, 0, 0, 0 from h;
with recursive t(i) as (select 1 union all select i + 1 from t where i < $TENANTS)
insert into tenants (name, product, version, size, backend, host, status, endpoint, host_port, secrets, last_error, created_at, updated_at)
select printf('t%05d', i), 'notes', '1.1.0', case when i % 10 < 7 then 'small' when i % 10 < 9 then 'medium' else 'large' end,
       'docker', printf('host-%02d', 1 + i % $HOSTS), 'Active', null, null, x'00', null,
       '2026-11-01T00:00:00.0000000+00:00', '2026-11-01T00:00:00.0000000+00:00' from t;
commit;
SQL

echo "provision capacity --json --from registry: $TENANTS tenants on $HOSTS hosts (registry fixture, no engine)"
"$PROVISION" capacity --json --from registry --for large --count 10 > "$WORK/first.json" # warm the file cache
times=()
for i in $(seq 1 "$RUNS"); do
    start=$(now)
    "$PROVISION" capacity --json --from registry --for large --count 10 > "$WORK/out.json"
    t=$(elapsed "$start" 3)
    times+=("$t")
    echo "run $i: ${t} s"
done
grep -q "\"tenants\": $TENANTS" "$WORK/out.json" || { echo "the report does not count $TENANTS tenants" >&2; exit 1; }
m=$(printf '%s\n' "${times[@]}" | median)
echo "median: ${m} s for $TENANTS tenants on $HOSTS hosts (target < 1 s)"
record capacity "capacity --from registry --for large" "$m" s "<=1" "$TENANTS tenants on $HOSTS hosts, median of $RUNS"
awk -v m="$m" 'BEGIN { exit !(m < 1.0) }' || { echo "slower than 1 s" >&2; exit 1; }

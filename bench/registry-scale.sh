#!/usr/bin/env bash
# Benchmark: commands whose cost must not grow with the fleet, over throwaway registries filled directly (sqlite3, the
# registry's own schema made by provision itself), no tenant on the engine:
#   1,000 tenants on one host:          provision list, provision status NAME           (targets: <= 1 s, <= 200 MB)
#   10,000 tenants on 50 hosts:         provision capacity --from registry --for large,
#                                       provision upgrade --all --to 1.1.0 --dry-run   (targets: <= 1 s, <= 200 MB)
# Each command runs RUNS times (default 5) after a warm-up; prints the median wall time, the median CPU time (user +
# system: what the command itself costs, whatever else the machine runs) and the largest peak RSS (/usr/bin/time -v;
# "-" when it is not installed). Each figure is also recorded (bench/lib.sh) for make bench's table.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVISION=${PROVISION:-$REPO/.build/provision/provision}
RUNS=${RUNS:-5}
SMALL=${SMALL:-1000}
TENANTS=${TENANTS:-10000}
HOSTS=${HOSTS:-50}
WORK=$(mktemp -d /tmp/provision-registry-bench.XXXXXX)
export NO_COLOR=1 PROVISIONER_TEMPLATES=${PROVISIONER_TEMPLATES:-$REPO/templates}
trap 'rm -rf "$WORK"' EXIT

command -v sqlite3 >/dev/null || { apt-get install -y -q sqlite3 >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q sqlite3 >/dev/null; }; }
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=

# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"

# fill HOME COUNT HOSTS: tenants 70% small, 20% medium, 10% large on notes@1.0.0 (so an upgrade to 1.1.0 plans them all),
# spread round-robin over HOSTS hosts, each host observed once (96-194 CPUs, 384 GiB-1.1 TiB, 8 TiB disk).
fill() {
    local home=$1 count=$2 hosts=$3
    PROVISIONER_HOME=$home "$PROVISION" list >/dev/null
    sqlite3 "$home/registry.db" <<SQL
begin;
with recursive h(i) as (select 1 union all select i + 1 from h where i < $hosts)
insert into capacity_snapshots (taken_at, host, source, tenants, cpus, memory, disk, reserved_cpu, reserved_memory, reserved_disk)
select '2026-11-01T00:00:00.0000000+00:00', case when $hosts = 1 then 'local' else printf('host-%02d', i) end, 'engine', 0,
       96 + 2 * i, (384 + 16 * i) * 1073741824, 8 * 1099511627776, 0, 0, 0 from h;
with recursive t(i) as (select 1 union all select i + 1 from t where i < $count)
insert into tenants (name, product, version, size, backend, host, status, endpoint, host_port, secrets, last_error, created_at, updated_at)
select printf('t%05d', i), 'notes', '1.0.0', case when i % 10 < 7 then 'small' when i % 10 < 9 then 'medium' else 'large' end,
       'docker', case when $hosts = 1 then 'local' else printf('host-%02d', 1 + i % $hosts) end, 'Active',
       printf('http://127.0.0.1:%d', 20000 + i % 40000), 20000 + i % 40000, x'00', null,
       '2026-11-01T00:00:00.0000000+00:00', '2026-11-01T00:00:00.0000000+00:00' from t;
commit;
SQL
}

# measure NAME TENANTS HOME ARGS...: RUNS timed runs; prints "NAME | tenants | median s | peak MB".
measure() {
    local name=$1 tenants=$2 home=$3; shift 3
    PROVISIONER_HOME=$home "$PROVISION" "$@" >"$WORK/out" 2>"$WORK/err" || { local rc=$?; case $rc in 4|5) ;; *) cat "$WORK/err" >&2; exit 1 ;; esac; }
    local times=() cpus=() peak=0
    for _ in $(seq 1 "$RUNS"); do
        local start end rss
        start=$(date +%s.%N)
        if [ -n "$TIME" ]; then
            PROVISIONER_HOME=$home "$TIME" -v -o "$WORK/time" "$PROVISION" "$@" >"$WORK/out" 2>"$WORK/err" || true
            rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time")
            cpus+=("$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.3f", s }' "$WORK/time")")
            [ "$rss" -gt "$peak" ] && peak=$rss
        else
            PROVISIONER_HOME=$home "$PROVISION" "$@" >"$WORK/out" 2>"$WORK/err" || true
        fi
        end=$(date +%s.%N)
        times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
    done
    local m mb c
    m=$(printf '%s\n' "${times[@]}" | median)
    c=$([ -n "$TIME" ] && printf '%s\n' "${cpus[@]}" | median || echo "-")
    mb=$([ -n "$TIME" ] && awk -v k="$peak" 'BEGIN { printf "%.0f", k / 1024 }' || echo "-")
    printf '%-52s %7s %9s s %9s s %7s MB\n' "$name" "$tenants" "$m" "$c" "$mb"
    record registry-scale "$name" "$m" s "<=1" "$tenants tenants, median of $RUNS, CPU $c s"
    [ "$mb" = "-" ] || record registry-scale "$name: peak RSS" "$mb" MB "<=200" "$tenants tenants"
    awk -v m="$m" 'BEGIN { exit !(m <= 1.0) }' || echo "  ^ slower than 1 s" >&2
    [ "$mb" = "-" ] || [ "$mb" -le 200 ] || echo "  ^ more than 200 MB" >&2
}

fill "$WORK/one" "$SMALL" 1
fill "$WORK/fleet" "$TENANTS" "$HOSTS"
echo "registry at scale: median of $RUNS runs, peak RSS over them (targets: <= 1 s, <= 200 MB); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-52s %7s %11s %11s %10s\n' "COMMAND" "TENANTS" "WALL" "CPU" "PEAK RSS"
measure "provision list" "$SMALL" "$WORK/one" list
measure "provision list --json" "$SMALL" "$WORK/one" list --json
measure "provision status t00500" "$SMALL" "$WORK/one" status t00500
measure "provision capacity --from registry --for large" "$TENANTS" "$WORK/fleet" capacity --json --from registry --for large --count 10
measure "provision upgrade --all --to 1.1.0 --dry-run" "$TENANTS" "$WORK/fleet" upgrade --all --to 1.1.0 --dry-run

#!/usr/bin/env bash
# Benchmark: how many live small notes tenants this machine holds. Provisions fresh tenants one after another (no
# overcommit, no --force: the capacity check decides) until N (default 50) are live or a provision is refused with
# exit 4 (does not fit). Then every tenant's checks and customer journey run at once (`provision check --all`), and
# `provision capacity` says what is still free. Prints each provision's time, the last / first ratio (target <= 1.2),
# how many tenants passed their journeys, the memory the tenants use (from `free` before and after), and the reason the
# next one was refused. Every tenant is destroyed with its data at the end.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVISION=${PROVISION:-$REPO/.build/provision/provision}
N=${N:-50}
WORK=$(mktemp -d /tmp/provision-bench-density.XXXXXX)
export PROVISIONER_HOME=$WORK/home NO_COLOR=1
ID=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"
trap 'cleanup' EXIT

made=()
cleanup() {
    for t in "${made[@]}"; do "$PROVISION" destroy "$t" --yes --delete-data >/dev/null 2>&1 || true; done
    rm -rf "$WORK"
}
used_mib() { free -m | awk '/^Mem:/ { print $3 }'; }

echo "density: up to $N small notes tenants on this engine ($(nproc) CPUs, $(free -g | awk '/^Mem:/ { print $2 }') GiB), the capacity check deciding"
before=$(used_mib)
times=() refused=
for i in $(seq 1 "$N"); do
    t="bd$ID-$i"
    start=$(now)
    if "$PROVISION" tenant "$t" --template notes@1.1.0 --size small >"$WORK/out" 2>&1; then
        made+=("$t")
        times+=("$(elapsed "$start")")
        printf 'tenant %2d: %6.2f s (load %s)\n' "$i" "${times[-1]}" "$(cut -d' ' -f1 /proc/loadavg)"
    else
        rc=$?
        made+=("$t")
        [ "$rc" = 4 ] || { echo "tenant $i failed (exit $rc):" >&2; tail -n 3 "$WORK/out" >&2; exit 1; }
        refused=$(grep -m1 '^Error' "$WORK/out" || true)
        echo "tenant $i refused by the capacity check: ${refused:-exit 4}"
        break
    fi
done
live=${#times[@]}
after=$(used_mib)
"$PROVISION" check --all --parallel 4 >"$WORK/check" 2>&1 || true
up=$(sed -n 's/^\([0-9][0-9]*\) up, .*/\1/p' "$WORK/check" | tail -1)
"$PROVISION" capacity --for small >"$WORK/capacity" 2>&1 || true   # sampled: what the live tenants really use
first=${times[0]} last=${times[-1]}
ratio=$(awk -v a="$last" -v b="$first" 'BEGIN { printf "%.2f", a / b }')
echo "live: $live small tenants; passing every check and journey at once: ${up:-?}"
echo "provision time: first $first s, last $last s, last / first ${ratio}x (target <= 1.2x)"
echo "memory used by the host: $before MiB before, $after MiB with $live tenants ($(( (after - before) / (live > 0 ? live : 1) )) MiB each)"
echo "provision capacity --for small (sampled) with $live tenants live:"
cat "$WORK/capacity"
record density "live small tenants passing their journeys" "${up:-0}" tenants ">=50" "$live provisioned$([ -n "$refused" ] && echo " before the capacity check refused one ($refused)" || echo " of $N asked, none refused"); capacity said $(grep -m1 '^Verdict' "$WORK/capacity" | cut -c1-60)"
record density "provision of the last tenant / the first" "$ratio" x "<=1.2" "first $first s, last ($live) $last s"
record density "host memory per live tenant" "$(( (after - before) / (live > 0 ? live : 1) ))" MiB "-" "free -m before and after $live tenants"

#!/usr/bin/env bash
# make bench: every benchmark in one run, each printing its own detail, then one table of every figure they recorded
# (bench/lib.sh `record`) and bench/results.json. A benchmark that fails is named in the table and the run goes on;
# the exit code is 1 when any failed (a missed target is reported, not a failure). ONLY="clone density" runs a subset;
# APPEND=1 adds its figures to those of the last run (bench/results.tsv) instead of starting afresh, replacing the
# earlier figures of the benchmarks it runs.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ALL="provision-vs-compose edge-vs-port native-vs-readytorun upgrade-downtime fleet-upgrade density capacity registry-scale cluster-vs-engine drain clone"
export BENCH_RESULTS
BENCH_RESULTS=$REPO/bench/results.tsv
if [ "${APPEND:-0}" = 1 ] && [ -f "$BENCH_RESULTS" ]; then
    kept=$(awk -F'\t' -v run=" ${ONLY:-$ALL} " 'index(run, " " $1 " ") == 0' "$BENCH_RESULTS")
    printf '%s\n' "$kept" | sed '/^$/d' >"$BENCH_RESULTS"
else
    : >"$BENCH_RESULTS"
fi
failed=0
for b in ${ONLY:-$ALL}; do
    echo "==== bench/$b.sh ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1 /proc/loadavg))"
    start=$(date +%s)
    if ! "$REPO/bench/$b.sh"; then
        failed=1
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$b" "FAILED (see its output above)" "" "" "-" "false" "" >>"$BENCH_RESULTS"
    fi
    echo "(bench/$b.sh took $(( $(date +%s) - start )) s)"
done
echo "==== summary"
"$REPO/bench/summary.sh" "$BENCH_RESULTS" "$REPO/bench/results.json"
exit "$failed"

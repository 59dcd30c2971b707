# Shared by the benchmarks (sourced, not run): timing helpers and `record`, which adds one figure to the run's results.
# shellcheck shell=bash

# Tenants publish their own port, as a compose stack does and as every figure before the edge became the default was
# measured; a benchmark of the edge turns it on for its own runs (upgrade-downtime.sh's quiet path).
export PROVISIONER_EDGE=off

now() { date +%s.%N; }
# elapsed START [DECIMALS]: seconds since START (from `now`), 2 decimals unless told.
elapsed() { awk -v a="$1" -v b="$(now)" -v d="${2:-2}" 'BEGIN { printf "%.*f", d, b - a }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# record BENCH FIGURE VALUE UNIT TARGET NOTE
# Appends one tab-separated line to $BENCH_RESULTS (nothing when it is unset: a benchmark run on its own just prints).
# TARGET is "<=N", ">=N", "=N" or "-" (no target); bench/summary.sh turns the lines into the table and results.json.
record() {
    [ -n "${BENCH_RESULTS:-}" ] || return 0
    local meets=null
    case "$5" in
        "<="*) meets=$(awk -v v="$3" -v t="${5#<=}" 'BEGIN { print (v <= t) ? "true" : "false" }') ;;
        ">="*) meets=$(awk -v v="$3" -v t="${5#>=}" 'BEGIN { print (v >= t) ? "true" : "false" }') ;;
        "="*) meets=$(awk -v v="$3" -v t="${5#=}" 'BEGIN { print (v == t) ? "true" : "false" }') ;;
    esac
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$meets" "${6//$'\t'/ }" >>"$BENCH_RESULTS"
}

# own_edge ID: an edge of this run's own (EDGE: its name, EDGE_PORT: a free port), so a benchmark never touches the
# engine's default edge; remove_own_edge removes what it left (container, its lock container, network, volume).
own_edge() {
    EDGE=bench-edge-$1
    EDGE_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
}
remove_own_edge() {
    docker rm -f "$EDGE" "$EDGE-lock" >/dev/null 2>&1 || true
    docker network rm "$EDGE" >/dev/null 2>&1 || true
    docker volume rm -f "$EDGE-data" >/dev/null 2>&1 || true
}

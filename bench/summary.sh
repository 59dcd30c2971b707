#!/usr/bin/env bash
# Turns the figures the benchmarks recorded (bench/lib.sh `record`: one tab-separated line each) into one table on
# stdout and a JSON file. Usage: bench/summary.sh RESULTS.tsv OUT.json
set -euo pipefail
IN=$1
OUT=$2

json_string() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }

{
    printf '{\n  "measuredAt": %s,\n  "commit": %s,\n  "machine": { "cpus": %s, "memoryGiB": %s, "kernel": %s },\n  "figures": [\n' \
        "$(json_string "$(date -u +%Y-%m-%dT%H:%M:%SZ)")" \
        "$(json_string "$(git -C "$(dirname "$0")" rev-parse --short HEAD 2>/dev/null || echo unknown)")" \
        "$(nproc)" "$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)" "$(json_string "$(uname -r)")"
    first=1
    while IFS=$'\t' read -r bench figure value unit target meets note; do
        [ "$first" = 1 ] || printf ',\n'
        first=0
        if [[ "$value" =~ ^-?[0-9]+(\.[0-9]+)?$ ]]; then v=$value; else v=null; fi
        printf '    { "bench": %s, "figure": %s, "value": %s, "unit": %s, "target": %s, "meetsTarget": %s, "note": %s }' \
            "$(json_string "$bench")" "$(json_string "$figure")" "$v" "$(json_string "$unit")" \
            "$( [ "$target" = "-" ] && echo null || json_string "$target")" "$meets" "$(json_string "$note")"
    done <"$IN"
    printf '\n  ]\n}\n'
} >"$OUT"

awk -F'\t' '
    function cut(s, n) { return length(s) > n ? substr(s, 1, n - 1) "~" : s }
    BEGIN { printf "%-18s %-56s %10s %-8s %-7s %-5s %s\n", "BENCH", "FIGURE", "VALUE", "UNIT", "TARGET", "MEETS", "NOTE" }
    {
        meets = $6 == "true" ? "yes" : $6 == "false" ? "NO" : "-"
        printf "%-18s %-56s %10s %-8s %-7s %-5s %s\n", cut($1, 18), cut($2, 56), ($3 == "null" ? "-" : $3), $4, $5, meets, $7
    }' "$IN"
echo "(written to $OUT)"

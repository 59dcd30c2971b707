#!/usr/bin/env bash
# One node of the test cluster (make cluster): `kill N` kills every process of node N (its dockerd, containerd, shims and
# containers: a machine that died), by pid; `start N` starts its dockerd again, which rejoins the swarm by itself;
# `wait-down N` / `wait-ready N` wait (bounded by a count) until the manager sees it so. N is 2 or 3 (the manager is 1).
# For node-failure tests and trying things out. Needs root.
#
# Usage: infra/cluster/node.sh kill|start|wait-down|wait-ready N
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=cluster.env
. "$HERE/cluster.env"
action=${1:-}; n=${2:-}
[[ "$n" =~ ^[23]$ ]] || { echo "usage: node.sh kill|start|wait-down|wait-ready 2|3" >&2; exit 2; }
state() { docker -H "unix://$(sock_of 1)" node inspect --format '{{.Status.State}}' "$(hostname_of "$n")" 2>/dev/null || echo unknown; }
case $action in
    kill)
        pids=$(node_pids "$n" | sort -u | tr '\n' ' ')
        # shellcheck disable=SC2086
        [ -z "${pids// /}" ] || kill -9 $pids 2>/dev/null || true
        for _ in $(seq 1 50); do [ -z "$(node_pids "$n")" ] && break; sleep 0.1; done
        echo "node $(hostname_of "$n"): killed" ;;
    start)
        # The pid files of a killed dockerd and containerd: dockerd waits for a containerd whose recorded pid still
        # answers kill -0 (a zombie not yet reaped, or the pid reused) and gives up after a minute.
        rm -f "$STATE/$n/docker.pid" "$STATE/$n/exec/containerd/containerd.pid"
        start_node "$n"
        for _ in $(seq 1 300); do curl -fsS --max-time 2 --unix-socket "$(sock_of "$n")" http://docker/_ping >/dev/null 2>&1 && break; sleep 0.1; done
        echo "node $(hostname_of "$n"): started" ;;
    wait-down|wait-ready)
        want=down; [ "$action" = wait-ready ] && want=ready
        for _ in $(seq 1 600); do [ "$(state)" = "$want" ] && { echo "node $(hostname_of "$n"): $want"; exit 0; }; sleep 0.1; done
        echo "node $(hostname_of "$n"): not $want (is $(state))" >&2; exit 1 ;;
    *) echo "usage: node.sh kill|start|wait-down|wait-ready N" >&2; exit 2 ;;
esac

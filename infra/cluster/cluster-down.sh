#!/usr/bin/env bash
# Removes the cluster `make cluster` made (infra/cluster/ensure-cluster.sh), and the leftovers of one that was killed
# half-way: every process in its network namespaces and in its nodes' cgroups (by pid, nothing else), the containerd
# shim sockets its nodes left in /run/containerd/s, its cgroups, its namespaces (which takes the veth in the root
# namespace with them) and its state in .build/cluster. Safe to run when nothing is there. Needs root.
#
# Usage: infra/cluster/cluster-down.sh   (make cluster-down)
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=cluster.env
. "$HERE/cluster.env"

started=$EPOCHREALTIME
found=0

for n in $NODES; do
    pids=$(node_pids "$n" | sort -u | tr '\n' ' ')
    if [ -n "${pids// /}" ]; then
        found=1
        # shellcheck disable=SC2086
        kill -9 $pids 2>/dev/null
    fi
done

# Wait (bounded by a count, not a clock) until the killed processes are gone.
for _ in $(seq 1 50); do
    left=""
    for n in $NODES; do left="$left$(node_pids "$n")"; done
    [ -z "$left" ] && break
    sleep 0.1
done

for n in $NODES; do
    d=$STATE/$n
    # Stale shim sockets: containerd names them after a hash of the node's own socket path and the container id.
    if [ -d "$d/data/containers" ]; then
        for id in $(ls "$d/data/containers" 2>/dev/null); do
            rm -f "/run/containerd/s/$(printf '%s' "$d/exec/containerd/containerd.sock/moby/$id" | sha256sum | cut -c1-64)"
        done
    fi
    for c in /sys/fs/cgroup/*/"$(cgroup "$n")"; do
        if [ -d "$c" ]; then
            found=1
            find "$c" -depth -type d -exec rmdir {} \; 2>/dev/null
        fi
    done
    if ip netns list | grep -qw "$(netns "$n")"; then
        found=1
        ip netns del "$(netns "$n")"
    fi
done

if ip netns list | grep -qw "$BRIDGE_NS"; then
    found=1
    ip netns del "$BRIDGE_NS"
fi
ip link del "$ROOT_VETH" 2>/dev/null && found=1

if [ -d "$STATE" ]; then
    found=1
    # Mounts a node made live in its own mount namespace, gone with it; unmount anything left just in case.
    awk -v r="$STATE/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do umount -l "$m" 2>/dev/null; done
    rm -rf --one-file-system "$STATE"
fi

if [ "$found" = 1 ]; then
    echo "cluster: removed ($(elapsed "$started") s)"
else
    echo "cluster: nothing to remove"
fi

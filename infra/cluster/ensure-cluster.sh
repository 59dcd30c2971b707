#!/usr/bin/env bash
# `make cluster`: a real 3-node Docker Swarm on this machine, one dockerd per network namespace (nodes swt1, swt2, swt3),
# for `provision --backend swarm` and its tests. One manager (swt1) and two workers: the manager also runs tenants, one
# raft member costs the least on a 2-core machine, and a worker's death (the node-failure case) leaves the cluster
# managed. The in-cluster registry (Debian's docker-registry, image provisioner/registry:2 built offline from
# infra/images/registry) runs on the manager at $REGISTRY; every node pulls from it (insecure-registries, plain HTTP on
# the private cluster network). A probe checks whether encrypted overlays pass traffic on this kernel and records it.
#
# Writes .build/cluster/manager (the manager's Engine API endpoint, one line: what tests and provisioner.yaml use) and
# .build/cluster/nodes.json (nodes, registry, overlay probe results).
# Idempotent: when the cluster answers (3 nodes Ready, registry up) a second run only checks (well under a second).
# A half-made or dead cluster is removed first (cluster-down.sh) and made again. Needs root.
#
# The recipe (namespaces, cgroup v1 remounts, per-node key and cgroup parent, shim-socket cleanup) is adapted from the
# team's own notes on running Swarm on one machine (swarm-on-one-machine.md, kept outside this repository); nothing here
# reads them.
#
# Usage: infra/cluster/ensure-cluster.sh   (make cluster)        Remove: infra/cluster/cluster-down.sh (make cluster-down)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=cluster.env
. "$HERE/cluster.env"
export DOCKER_CLI_HINTS=false DOCKER_BUILDKIT=0
started=$EPOCHREALTIME

fail() { echo "cluster: $1" >&2; [ -z "${2:-}" ] || tail -n 20 "$2" >&2; exit 1; }
D() { local n=$1; shift; docker -H "unix://$(sock_of "$n")" "$@"; }
ping_node() { curl -fsS --max-time 2 --unix-socket "$(sock_of "$1")" http://docker/_ping >/dev/null 2>&1; }

# --- 1. already up? ---------------------------------------------------------------------------------------------
healthy() {
    [ -f "$STATE/manager" ] && [ -f "$STATE/manager-tls" ] && [ -f "$STATE/nodes.json" ] || return 1
    for n in $NODES; do ping_node "$n" || return 1; done
    local ready
    ready=$(D 1 node ls --format '{{.Status}}' 2>/dev/null | grep -c '^Ready$' || true)
    [ "$ready" = 3 ] || return 1
    curl -fsS --max-time 2 "http://$REGISTRY/v2/" >/dev/null 2>&1
}

if healthy; then
    echo "cluster: up, 3 nodes Ready, registry $REGISTRY, manager $(cat "$STATE/manager") ($(elapsed "$started") s)"
    exit 0
fi

[ "$(id -u)" = 0 ] || fail "making the cluster needs root (network namespaces, dockerd)"
command -v dockerd >/dev/null && command -v docker >/dev/null || fail "dockerd is missing: run make engine first (it installs docker.io)"
"$HERE/cluster-down.sh" >/dev/null
mkdir -p "$STATE/logs"
cache=${BUILD_DIR:-$REPO/.build}/cluster-cache
mkdir -p "$cache"

# --- 2. network: a bridge in its own namespace, a veth per node, one veth to the root namespace ------------------
ip netns add "$BRIDGE_NS"
ip -n "$BRIDGE_NS" link set lo up
ip -n "$BRIDGE_NS" link add pvbr0 type bridge
ip -n "$BRIDGE_NS" link set pvbr0 up
for n in $NODES; do
    ns=$(netns "$n")
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip link add "pvsw${n}a" netns "$ns" type veth peer name "pvsw${n}b" netns "$BRIDGE_NS"
    ip -n "$ns" link set "pvsw${n}a" name eth0
    ip -n "$ns" addr add "$(addr_of "$n")/24" dev eth0
    ip -n "$ns" link set eth0 up
    ip -n "$BRIDGE_NS" link set "pvsw${n}b" master pvbr0 up
done
ip link add "$ROOT_VETH" type veth peer name "${ROOT_VETH}b" netns "$BRIDGE_NS"
ip addr add "$ROOT_ADDR/24" dev "$ROOT_VETH"
ip link set "$ROOT_VETH" up
ip -n "$BRIDGE_NS" link set "${ROOT_VETH}b" master pvbr0 up

# --- 3. one dockerd per namespace (cgroup v1 mounted again: `ip netns exec` gives a fresh /sys) --------------------
# Each also listens on tcp://ADDRESS:$TLS_PORT with TLS and client certificates (a remote engine as provision expects
# one: plain tcp:// is refused unless it is loopback); the unix socket stays for the scripts.
"$HERE/tls.sh" "$TLS" $(for n in $NODES; do echo "$(hostname_of "$n")=$(addr_of "$n")"; done) >>"$STATE/logs/tls.log" 2>&1 \
    || fail "could not make the cluster's TLS certificates" "$STATE/logs/tls.log"
for n in $NODES; do
    d=$STATE/$n
    mkdir -p "$d"
    cat >"$d/daemon.json" <<JSON
{ "deprecated-key-path": "$d/key.json", "cgroup-parent": "/$(cgroup "$n")", "insecure-registries": ["$REGISTRY"],
  "tls": true, "tlsverify": true, "tlscacert": "$TLS/ca.pem",
  "tlscert": "$TLS/$(hostname_of "$n")-cert.pem", "tlskey": "$TLS/$(hostname_of "$n")-key.pem",
  "log-driver": "json-file", "log-opts": { "max-size": "10m", "max-file": "2" } }
JSON
    start_node "$n"
done
for n in $NODES; do
    for _ in $(seq 1 300); do ping_node "$n" && break; sleep 0.1; done
    ping_node "$n" || fail "node $n's dockerd did not answer" "$STATE/logs/dockerd-$n.log"
done

# --- 4. swarm: init on swt1, join swt2 and swt3 as workers ------------------------------------------------------
# Heartbeat 5 s (the default): at 1 s, a 2-core machine under load saw its nodes flap Down/Ready, and Swarm then
# rejected tasks on them ("assigned node no longer meets constraints"). A dead node is seen Down after ~15 s.
D 1 swarm init --advertise-addr "$MANAGER_ADDR" --dispatcher-heartbeat 5s >/dev/null
token=$(D 1 swarm join-token -q worker)
for n in $NODES; do
    [ "$n" = 1 ] || D "$n" swarm join --token "$token" --advertise-addr "$(addr_of "$n")" "$MANAGER_ADDR:2377" >/dev/null
done
echo "unix://$(sock_of 1)" >"$STATE/manager"
echo "tcp://$MANAGER_ADDR:$TLS_PORT" >"$STATE/manager-tls"   # with DOCKER_CERT_PATH=$TLS/client

# --- 5. the registry image (built offline on the main engine, like infra/images) and its service on the manager ----
deb=$(ls "$cache"/docker-registry_*.deb 2>/dev/null | head -1 || true)
if [ -z "$deb" ]; then
    (cd "$cache" && apt-get download docker-registry >"$STATE/logs/apt.log" 2>&1) \
        || { apt-get update -q >/dev/null 2>&1 && (cd "$cache" && apt-get download docker-registry >"$STATE/logs/apt.log" 2>&1); } \
        || fail "cannot download Debian's docker-registry package" "$STATE/logs/apt.log"
    deb=$(ls "$cache"/docker-registry_*.deb | head -1)
fi
ctx=$cache/registry-context
rm -rf "$ctx" && mkdir -p "$ctx"
cp "$REPO/infra/images/registry/Dockerfile" "$REPO/infra/images/registry/config.yml" "$ctx/"
cp "$deb" "$ctx/docker-registry.deb"
hash=$(cat "$ctx"/* | sha256sum | cut -c1-16)
if [ "$(docker image inspect --format '{{index .Config.Labels "provisioner.source-hash"}}' "$REGISTRY_IMAGE" 2>/dev/null || true)" != "$hash" ]; then
    docker image inspect provisioner/base:bookworm >/dev/null 2>&1 || fail "provisioner/base:bookworm is missing: run make images first"
    docker build --quiet --network none --force-rm --label provisioner.source-hash="$hash" --tag "$REGISTRY_IMAGE" "$ctx" >"$STATE/logs/registry-build.log" 2>&1 \
        || fail "docker build $REGISTRY_IMAGE failed" "$STATE/logs/registry-build.log"
fi
docker save "$REGISTRY_IMAGE" | D 1 load >/dev/null
D 1 service create --detach --quiet --name pv-registry --no-resolve-image \
    --constraint node.role==manager --endpoint-mode dnsrr --publish mode=host,target=5000,published=5000 \
    --mount type=volume,source=pv-registry-data,target=/var/lib/registry \
    --label provisioner.cluster=registry --restart-condition any "$REGISTRY_IMAGE" >/dev/null
for _ in $(seq 1 300); do curl -fsS --max-time 1 "http://$REGISTRY/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS --max-time 2 "http://$REGISTRY/v2/" >/dev/null 2>&1 || fail "the registry at $REGISTRY did not answer" "$STATE/logs/dockerd-1.log"

# --- 6. probe: do plain and encrypted overlays pass traffic between two nodes? -----------------------------------
D 1 tag "$REGISTRY_IMAGE" "$REGISTRY/$REGISTRY_IMAGE"
D 1 push "$REGISTRY/$REGISTRY_IMAGE" >"$STATE/logs/probe.log" 2>&1 || fail "push to $REGISTRY failed" "$STATE/logs/probe.log"
probe_image=$(D 1 image inspect --format '{{index .RepoDigests 0}}' "$REGISTRY/$REGISTRY_IMAGE")
probe() { # plain|encrypted -> true|false: a redis-cli PING from swt3 to a redis-server on swt2 over an overlay
    local kind=$1 net=pv-probe-$1 opts=() ok=false
    [ "$kind" = encrypted ] && opts=(--opt encrypted)
    D 1 network create --driver overlay --attachable "${opts[@]}" "$net" >/dev/null
    D 1 service create --detach --quiet --name "$net" --no-resolve-image --network "$net" --endpoint-mode dnsrr \
        --constraint node.hostname==swt2 --entrypoint redis-server "$probe_image" --port 7000 --protected-mode no --save '' >/dev/null
    for _ in $(seq 1 200); do
        [ "$(D 1 service ps "$net" --filter desired-state=running --format '{{.CurrentState}}' 2>/dev/null | grep -c '^Running')" -ge 1 ] && break
        sleep 0.1
    done
    if D 3 run --rm --network "$net" --entrypoint sh "$probe_image" -c \
        "for i in 1 2 3 4 5 6 7 8 9 10; do timeout 2 redis-cli -h $net -p 7000 ping 2>/dev/null | grep -q PONG && exit 0; sleep 0.3; done; exit 1" \
        >>"$STATE/logs/probe.log" 2>&1; then
        ok=true
    fi
    D 1 service rm "$net" >/dev/null 2>&1 || true
    for _ in $(seq 1 100); do D 1 network rm "$net" >/dev/null 2>&1 && break; sleep 0.2; done
    echo "$ok"
}
plain=$(probe plain)
encrypted=$(probe encrypted)
[ "$plain" = true ] || fail "a plain overlay between swt2 and swt3 passes no traffic: the cluster is not usable" "$STATE/logs/probe.log"

# --- 7. record: in the cluster itself (node labels provision reads) and in nodes.json --------------------------------
for n in $NODES; do
    D 1 node update --label-add "provisioner.engine=unix://$(sock_of "$n")" "$(hostname_of "$n")" >/dev/null
done
D 1 node update --label-add "provisioner.registry=$REGISTRY" --label-add "provisioner.overlay-encryption=$encrypted" "$(hostname_of 1)" >/dev/null
{
    echo "{"
    echo "  \"manager\": \"unix://$(sock_of 1)\","
    echo "  \"managerTls\": { \"endpoint\": \"tcp://$MANAGER_ADDR:$TLS_PORT\", \"certPath\": \"$TLS/client\" },"
    echo "  \"registry\": \"$REGISTRY\","
    echo "  \"overlay\": { \"plain\": $plain, \"encrypted\": $encrypted, \"probedAt\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" },"
    echo "  \"nodes\": ["
    for n in $NODES; do
        role=worker; [ "$n" = 1 ] && role=manager
        sep=,; [ "$n" = 3 ] && sep=
        echo "    { \"hostname\": \"$(hostname_of "$n")\", \"address\": \"$(addr_of "$n")\", \"engine\": \"unix://$(sock_of "$n")\", \"role\": \"$role\" }$sep"
    done
    echo "  ]"
    echo "}"
} >"$STATE/nodes.json"
note=""
[ "$encrypted" = true ] || note="; encrypted overlays pass NO traffic on this kernel (recorded; provision uses plain overlays here)"
echo "cluster: made, 3 nodes (swt1 manager, swt2, swt3), registry $REGISTRY, manager unix://$(sock_of 1)$note ($(elapsed "$started") s)"

#!/usr/bin/env bash
# Keeps tenants' networks apart on this host even while the engine rewrites its own firewall rules.
#
# Docker keeps bridge networks apart with iptables rules (DOCKER-ISOLATION-STAGE-1/2). Before Docker 28 the engine deletes
# and re-inserts the FORWARD chain's jumps to them each time any network is created (moby/moby#43585), and for that moment
# a container on one network can open a connection to a container on another, published or not, internal or not. Measured
# here on Docker 20.10 (Debian's docker.io), a container probing another network's database while a loop created and removed
# networks: 2-5 of 80 connections got through (infra/engine/isolation-window.sh measures it on any engine).
#
# This installs a table of its own (nftables, inet provisioner_isolation) that drops forwarded traffic between two different
# networks of the engine's address pool, with Docker's isolation semantics; the engine never touches it, so the guard has
# no window. It knows networks by address: every network of the pool is one block of the pool's size, so two addresses are
# on one network exactly when they fall into the same block. Traffic within a network, to and from the host, and out of
# the pool (the internet, the host's own addresses, published ports) is not affected.
#
# Usage: infra/engine/isolation-guard.sh [ensure|apply|remove|status|print]   (needs root and nft)
#   ensure: apply unless the table is there for this pool (quick); apply: replace the table (one atomic nft transaction).
#   POOL_BASE (10.200.0.0/16) and POOL_SIZE (27): the engine's --default-address-pool, as ensure-engine.sh starts it.
set -euo pipefail

POOL_BASE=${POOL_BASE:-10.200.0.0/16}
POOL_SIZE=${POOL_SIZE:-27}
TABLE=provisioner_isolation

die() { echo "isolation-guard: $*" >&2; exit 1; }

ip_to_int() { local IFS=.; read -r a b c d <<<"$1"; echo $(((a << 24) | (b << 16) | (c << 8) | d)); }
int_to_ip() { echo "$(($1 >> 24 & 255)).$(($1 >> 16 & 255)).$(($1 >> 8 & 255)).$(($1 & 255))"; }
block_mask() { int_to_ip $(((0xffffffff << (32 - POOL_SIZE)) & 0xffffffff)); }   # 255.255.255.224 for /27 blocks

# The ruleset: one set of "same block" pairs (a block with itself), and a forward chain (before Docker's filter) that
# drops a packet from the pool to the pool unless its source's block and its destination's block are that pair.
ruleset() {
    local addr=${POOL_BASE%/*} prefix=${POOL_BASE#*/}
    [[ $prefix =~ ^[0-9]+$ && $POOL_SIZE =~ ^[0-9]+$ ]] || die "POOL_BASE must look like 10.200.0.0/16 and POOL_SIZE like 27"
    ((prefix >= 8 && prefix <= POOL_SIZE && POOL_SIZE <= 30 && POOL_SIZE - prefix <= 16)) \
        || die "pool $POOL_BASE in /$POOL_SIZE blocks: need 8 <= prefix <= size <= 30 and at most 65536 blocks"
    local base step count mask i block
    base=$(ip_to_int "$addr")
    step=$((1 << (32 - POOL_SIZE)))
    count=$((1 << (POOL_SIZE - prefix)))
    mask=$(block_mask)
    echo "table inet $TABLE {}"
    echo "delete table inet $TABLE"
    echo "table inet $TABLE {"
    printf '  set same_network {\n    type ipv4_addr . ipv4_addr\n    elements = { '
    for ((i = 0; i < count; i++)); do
        block=$(int_to_ip $((base + i * step)))
        ((i == 0)) || printf ', '
        printf '%s . %s' "$block" "$block"
    done
    printf ' }\n  }\n'
    cat <<EOF
  chain forward {
    type filter hook forward priority filter - 1; policy accept;
    ip saddr $POOL_BASE ip daddr $POOL_BASE ip saddr & $mask . ip daddr & $mask != @same_network counter drop comment "between two networks of the pool"
  }
}
EOF
}

installed() { # the table's rule names this pool and its blocks
    nft list chain inet "$TABLE" forward 2>/dev/null | grep -qF "ip saddr $POOL_BASE ip daddr $POOL_BASE ip saddr & $1 "
}

case ${1:-ensure} in
    ensure)
        command -v nft >/dev/null || die "nft is missing (apt-get install nftables)"
        if installed "$(block_mask)"; then
            echo "isolation-guard: networks of $POOL_BASE (/$POOL_SIZE each) kept apart by table inet $TABLE"
        else
            "$0" apply
        fi
        ;;
    apply)
        command -v nft >/dev/null || die "nft is missing (apt-get install nftables)"
        ruleset | nft -f - || die "nft refused the ruleset"
        echo "isolation-guard: networks of $POOL_BASE (/$POOL_SIZE each) kept apart by table inet $TABLE"
        ;;
    remove)
        command -v nft >/dev/null || die "nft is missing"
        nft delete table inet "$TABLE" 2>/dev/null || true
        echo "isolation-guard: table inet $TABLE removed"
        ;;
    status)
        command -v nft >/dev/null || die "nft is missing"
        nft list chain inet "$TABLE" forward 2>/dev/null | grep -E 'counter|comment' || { echo "isolation-guard: not installed"; exit 1; }
        ;;
    print) ruleset ;;
    *) die "usage: $0 [ensure|apply|remove|status|print]" ;;
esac

#!/usr/bin/env bash
# Makes sure a Docker engine answers, and prints where.
#   1. DOCKER_HOST (unix:// or tcp://) if set and answering /_ping;
#   2. /var/run/docker.sock if answering;
#   3. otherwise installs Debian's docker.io (if dockerd is missing) and starts dockerd in the background
#      (there is no systemd), logging to .build/engine/dockerd.log, then waits for /_ping.
# As root, for a running dockerd started with this script's address pool (now or by an earlier run), it also installs the
# isolation guard (isolation-guard.sh) if it is missing.
# The daemon config (/etc/docker/daemon.json, or $DOCKER_DAEMON_CONFIG) gets "live-restore": true, so that containers keep
# running while dockerd itself restarts (an upgrade, a crash of dockerd alone). An engine that already answers without it is
# left running (other users share it) and the script says how to turn it on without a restart.
# Idempotent and quick when an engine already answers. Needs root only to install or start dockerd.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE=${BUILD_DIR:-$REPO/.build}/engine
export DEBIAN_FRONTEND=noninteractive

apt_install() {
    apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
}

command -v curl >/dev/null || apt_install curl

ping_engine() { # endpoint
    case $1 in
        unix://*) curl -fsS --max-time 2 --unix-socket "${1#unix://}" http://docker/_ping >/dev/null 2>&1 ;;
        tcp://*) curl -fsS --max-time 2 "http://${1#tcp://}/_ping" >/dev/null 2>&1 ;;
        *) return 1 ;;
    esac
}

if [ -n "${DOCKER_HOST:-}" ]; then
    if ping_engine "$DOCKER_HOST"; then
        echo "engine: $DOCKER_HOST answers"
        exit 0
    fi
    echo "engine: DOCKER_HOST=$DOCKER_HOST does not answer /_ping; start that engine or unset DOCKER_HOST" >&2
    exit 1
fi

DAEMON_CONFIG=${DOCKER_DAEMON_CONFIG:-/etc/docker/daemon.json}
# Every tenant has two networks. The engine's default pools hold only about 31 bridge networks (15 tenants);
# /27 networks from 10.200.0.0/16 give 2048 (1024 tenants), each with room for 29 containers.
export POOL_BASE=10.200.0.0/16 POOL_SIZE=27

# The isolation guard (isolation-guard.sh: tenants' networks stay apart while the engine rewrites its firewall rules), for
# the engine this script starts (its networks come from the pool above). Another engine's pools are not known here: the
# guard is left to its owner. A guard that cannot be installed is reported, not fatal: the engine's own isolation remains.
guard_isolation() {
    [ "$(id -u)" = 0 ] || return 0
    local pid
    pid=$(tr -dc 0-9 2>/dev/null </var/run/docker.pid || true)
    if [ -z "$pid" ] || ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "base=$POOL_BASE,size=$POOL_SIZE"; then
        echo "engine: not started with the pool $POOL_BASE (/$POOL_SIZE): isolation guard not installed (see infra/engine/isolation-guard.sh)" >&2
        return 0
    fi
    command -v nft >/dev/null || apt_install nftables || true
    "$REPO/infra/engine/isolation-guard.sh" ensure | sed 's/^isolation-guard:/engine:/' \
        || echo "engine: the isolation guard could not be installed; tenants rely on the engine's own isolation rules" >&2
}

# live-restore in the daemon config: written when there is no config, reported when a config lacks it (never rewritten).
ensure_live_restore() {
    if [ ! -e "$DAEMON_CONFIG" ]; then
        mkdir -p "$(dirname "$DAEMON_CONFIG")" 2>/dev/null && printf '{\n  "live-restore": true\n}\n' >"$DAEMON_CONFIG" 2>/dev/null \
            && echo "engine: wrote $DAEMON_CONFIG with live-restore" || echo "engine: could not write $DAEMON_CONFIG (live-restore stays off)" >&2
    elif ! grep -Eq '"live-restore"[[:space:]]*:[[:space:]]*true' "$DAEMON_CONFIG"; then
        echo "engine: $DAEMON_CONFIG does not enable live-restore; add \"live-restore\": true to it" >&2
    fi
}

report_live_restore() { # endpoint (unix socket)
    if curl -fsS --max-time 2 --unix-socket "${1#unix://}" http://docker/info 2>/dev/null | grep -q '"LiveRestoreEnabled":true'; then
        echo "engine: live-restore is on"
    else
        echo "engine: live-restore is off on this engine; with it in $DAEMON_CONFIG, \`kill -HUP <dockerd pid>\` turns it on without a restart" >&2
    fi
}

SOCK=unix:///var/run/docker.sock
if ping_engine "$SOCK"; then
    echo "engine: $SOCK answers"
    [ "$(id -u)" = 0 ] && ensure_live_restore
    report_live_restore "$SOCK"
    guard_isolation
    exit 0
fi

[ "$(id -u)" = 0 ] || { echo "engine: no engine answers at $SOCK and starting one needs root (or set DOCKER_HOST)" >&2; exit 1; }
if ! command -v dockerd >/dev/null; then
    echo "engine: installing Debian's docker.io ..."
    apt_install docker.io || { echo "engine: apt-get install docker.io failed" >&2; exit 1; }
fi

mkdir -p "$STATE"
ensure_live_restore

# Pid files left by a dockerd that died with its session (there is no systemd to clean them, and /run is on disk here).
# dockerd trusts containerd's pid file: when a stale one names a live process of another program, it waits 15 s for a
# containerd that never answers and exits with "timeout waiting for containerd to start". Only files naming no live
# process of the right program are removed.
clear_stale_pid_file() { # file program
    local pid
    [ -f "$1" ] || return 0
    pid=$(tr -dc 0-9 <"$1")
    if [ -z "$pid" ] || [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != "$2" ]; then
        rm -f "$1"
    fi
}

start_dockerd() {
    clear_stale_pid_file /var/run/docker.pid dockerd
    clear_stale_pid_file /var/run/docker/containerd/containerd.pid containerd
    echo "engine: starting dockerd (log: $STATE/dockerd.log)"
    # setsid: the engine outlives this make invocation, as a service would.
    setsid nohup dockerd --default-address-pool "base=$POOL_BASE,size=$POOL_SIZE" >>"$STATE/dockerd.log" 2>&1 < /dev/null &
    echo $! >"$STATE/dockerd.pid"
}

# Waits for the engine: 0 answers, 1 dockerd exited, 2 no answer within 60 s.
wait_for_engine() {
    for _ in $(seq 1 120); do
        ping_engine "$SOCK" && return 0
        kill -0 "$(cat "$STATE/dockerd.pid")" 2>/dev/null || return 1
        sleep 0.5
    done
    return 2
}

: >"$STATE/dockerd.log"
for attempt in 1 2 3; do
    start_dockerd
    rc=0
    wait_for_engine || rc=$?
    if [ "$rc" = 0 ]; then
        echo "engine: $SOCK answers (dockerd pid $(cat "$STATE/dockerd.pid"))"
        report_live_restore "$SOCK"
        guard_isolation
        exit 0
    fi
    if [ "$rc" = 2 ]; then
        echo "engine: dockerd did not answer within 60 s; see $STATE/dockerd.log" >&2
        exit 1
    fi
    echo "engine: dockerd exited (attempt $attempt of 3); last log lines:" >&2
    tail -n 5 "$STATE/dockerd.log" >&2
    sleep 2
done
echo "engine: dockerd would not start; see $STATE/dockerd.log" >&2
exit 1

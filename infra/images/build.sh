#!/usr/bin/env bash
# Builds the images tenants run, offline (no registry, no egress from containers):
#   provisioner/base:bookworm   debootstrap minbase + postgresql-15, libssl3, ca-certificates, slimmed, `docker import`ed
#   provisioner/postgres:15     FROM base, entrypoint.sh (see postgres/)
#   notes-app:<version>         FROM base, self-contained `dotnet publish` of templates/notes/src/Notes
# One image per line: built/present and the seconds it took. Idempotent: an image that exists and was built
# from the same sources (a hash kept in its provisioner.source-hash label) is kept; a changed source rebuilds it.
#
# Usage: infra/images/build.sh [--force] [--force-base] [base|postgres|notes]...
#   --force        rebuild the selected images (not the base) even if present
#   --force-base   also rebuild the base (and therefore everything on it)
#   base|postgres|notes   only these (default: all; a missing base is always built)
# Environment:
#   BUILD_DIR      scratch space (default <repo>/.build, gitignored)
#   DOCKER         docker client (default: docker on PATH); DOCKER_HOST is honoured
#   DEBIAN_MIRROR  (default http://deb.debian.org/debian)
#   NOTES_VERSIONS space-separated versions to build (default: folders templates/notes/<semver>/, else "1.0.0 1.1.0")
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$REPO/infra/images
BUILD_DIR=${BUILD_DIR:-$REPO/.build}
DOCKER=${DOCKER:-docker}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
export DOCKER_BUILDKIT=0 DOCKER_CLI_HINTS=false

BASE_IMAGE=${BASE_IMAGE:-provisioner/base:bookworm}   # overridable for experiments; the tool expects the default
POSTGRES_IMAGE=provisioner/postgres:15
APP_REPO=notes-app

force=0
force_base=0
only=()
for arg in "$@"; do
    case $arg in
        --force) force=1 ;;
        --force-base) force=1; force_base=1 ;;
        base|postgres|notes) only+=("$arg") ;;
        -h|--help) sed -n '2,/^set -euo/{s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "build.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

mkdir -p "$BUILD_DIR/logs"

# --- helpers --------------------------------------------------------------------------------

image_id() { "$DOCKER" image inspect --format '{{.Id}}' "$1" 2>/dev/null || true; }

# A hash of what an image is built from; stored as a label, so a changed source rebuilds its image.
source_hash() { # paths...
    find "$@" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16
}
built_from() { "$DOCKER" image inspect --format '{{index .Config.Labels "provisioner.source-hash"}}' "$1" 2>/dev/null || true; }

report() { # image status started [detail]
    local now=$EPOCHREALTIME
    awk -v img="$1" -v st="$2" -v a="$3" -v b="$now" -v d="${4:-}" \
        'BEGIN { printf "%-28s %-8s %6.1fs%s\n", img, st, b - a, (d == "" ? "" : "  (" d ")") }'
}

seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1fs", b - a }'; }

fail() { # message log
    echo "build.sh: $1" >&2
    if [ -n "${2:-}" ] && [ -f "$2" ]; then
        echo "--- last lines of $2:" >&2
        tail -n 30 "$2" >&2
    fi
    exit 1
}

# Drop an image replaced by a rebuild, if nothing else names it (children keep it alive otherwise).
forget() {
    local old=$1 new
    new=$(image_id "$2")
    if [ -n "$old" ] && [ "$old" != "$new" ]; then
        "$DOCKER" image rm "$old" >/dev/null 2>&1 || true
    fi
}

# Unmount anything debootstrap left mounted inside a root filesystem, then remove it.
remove_rootfs() {
    local rootfs=$1 mnt
    [ -e "$rootfs" ] || return 0
    while read -r mnt; do
        umount -l "$mnt" 2>/dev/null || true
    done < <(awk -v r="$rootfs/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r)
    rm -rf --one-file-system "$rootfs"
}

ensure_debootstrap() {
    command -v debootstrap >/dev/null && return 0
    [ "$(id -u)" = 0 ] || fail "debootstrap is missing and installing it needs root"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q debootstrap >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null && apt-get install -y -q debootstrap >/dev/null; } \
        || fail "cannot install debootstrap with apt-get"
}

# --- 1. base --------------------------------------------------------------------------------

build_base() {
    local started=$EPOCHREALTIME old rootfs log
    old=$(image_id "$BASE_IMAGE")
    if [ -n "$old" ] && [ "$force_base" = 0 ]; then
        report "$BASE_IMAGE" present "$started"
        return
    fi
    [ "$(id -u)" = 0 ] || fail "building $BASE_IMAGE needs root (debootstrap)"
    ensure_debootstrap
    rootfs=$BUILD_DIR/rootfs-bookworm
    log=$BUILD_DIR/logs/base.log
    remove_rootfs "$rootfs"
    local t detail
    t=$EPOCHREALTIME
    debootstrap --variant=minbase --include=postgresql-15,libssl3,ca-certificates \
        bookworm "$rootfs" "$DEBIAN_MIRROR" >"$log" 2>&1 \
        || { remove_rootfs "$rootfs"; fail "debootstrap failed" "$log"; }
    detail="debootstrap $(seconds_since "$t")"
    slim_rootfs "$rootfs"
    t=$EPOCHREALTIME
    tar -C "$rootfs" --numeric-owner -c . \
        | "$DOCKER" import \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'ENV LANG=C.UTF-8' \
            --change 'LABEL provisioner.base=bookworm' \
            --change 'CMD ["/bin/bash"]' \
            --message "debootstrap minbase bookworm + postgresql-15 libssl3 ca-certificates" \
            - "$BASE_IMAGE" >>"$log" 2>&1 \
        || { remove_rootfs "$rootfs"; fail "docker import failed" "$log"; }
    detail="$detail, import $(seconds_since "$t")"
    remove_rootfs "$rootfs"
    forget "$old" "$BASE_IMAGE"
    force=1   # everything on the old base is stale
    report "$BASE_IMAGE" built "$started" "$detail"
}

# What no tenant container needs: docs, man pages, message catalogues, apt state, the default
# cluster postgresql-common creates, the shared snakeoil key, and PostgreSQL's LLVM JIT
# (libLLVM + libz3 are ~130 MB; without llvmjit.so the server simply runs without JIT).
slim_rootfs() {
    local r=$1
    rm -rf "$r"/usr/share/doc/* "$r"/usr/share/man/* "$r"/usr/share/info/* \
        "$r"/usr/share/lintian "$r"/usr/share/locale/* "$r"/usr/share/i18n \
        "$r"/var/lib/apt/lists/* "$r"/var/cache/apt/*.bin "$r"/var/cache/apt/archives/*.deb \
        "$r"/var/cache/debconf/*-old "$r"/var/lib/dpkg/*-old \
        "$r"/var/lib/postgresql/15 "$r"/etc/postgresql/15/main \
        "$r"/etc/ssl/private/ssl-cert-snakeoil.key "$r"/etc/ssl/certs/ssl-cert-snakeoil.pem \
        "$r"/usr/lib/postgresql/15/lib/llvmjit.so "$r"/usr/lib/postgresql/15/lib/llvmjit_types.bc \
        "$r"/usr/lib/postgresql/15/lib/bitcode \
        "$r"/usr/lib/x86_64-linux-gnu/libLLVM-14.so* "$r"/usr/lib/x86_64-linux-gnu/libz3.so*
    find "$r"/var/log -type f -exec truncate -s 0 {} +
    : >"$r"/etc/machine-id
}

# --- 2. postgres ----------------------------------------------------------------------------

build_postgres() {
    local started=$EPOCHREALTIME old log
    old=$(image_id "$POSTGRES_IMAGE")
    local hash
    hash=$(source_hash "$HERE/postgres")
    if [ -n "$old" ] && [ "$force" = 0 ] && [ "$(built_from "$POSTGRES_IMAGE")" = "$hash" ]; then
        report "$POSTGRES_IMAGE" present "$started"
        return
    fi
    log=$BUILD_DIR/logs/postgres.log
    "$DOCKER" build --quiet --force-rm --label provisioner.source-hash="$hash" --tag "$POSTGRES_IMAGE" --build-arg BASE="$BASE_IMAGE" "$HERE/postgres" >"$log" 2>&1 \
        || fail "docker build $POSTGRES_IMAGE failed" "$log"
    forget "$old" "$POSTGRES_IMAGE"
    report "$POSTGRES_IMAGE" built "$started"
}

# --- 3. notes-app:<version> -----------------------------------------------------------------

notes_versions() {
    if [ -n "${NOTES_VERSIONS:-}" ]; then
        echo "$NOTES_VERSIONS"
        return
    fi
    local dir found=()
    for dir in "$REPO"/templates/notes/*/; do
        dir=$(basename "$dir")
        [[ $dir =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]] && found+=("$dir")
    done
    if [ ${#found[@]} -eq 0 ]; then
        echo "1.0.0 1.1.0"
    else
        printf '%s\n' "${found[@]}" | sort -V | tr '\n' ' '
    fi
}

build_app() {
    local version=$1 image=$APP_REPO:$1 started=$EPOCHREALTIME old out log
    old=$(image_id "$image")
    local hash
    hash=$(echo "$version $(source_hash "$REPO/templates/notes/src" "$HERE/notes")" | sha256sum | cut -c1-16)
    if [ -n "$old" ] && [ "$force" = 0 ] && [ "$(built_from "$image")" = "$hash" ]; then
        report "$image" present "$started"
        return
    fi
    out=$BUILD_DIR/notes/$version
    log=$BUILD_DIR/logs/notes-$version.log
    rm -rf "$out"
    DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet publish "$REPO/templates/notes/src/Notes" \
        -c Release -r linux-x64 --self-contained -p:Version="$version" -o "$out" -nologo >"$log" 2>&1 \
        || fail "dotnet publish notes $version failed" "$log"
    chmod -R u+rwX,go+rX,go-w "$out"   # runtime packs ship 0744 files; the app runs as uid 10001
    "$DOCKER" build --quiet --force-rm --label provisioner.source-hash="$hash" --tag "$image" --build-arg VERSION="$version" --build-arg BASE="$BASE_IMAGE" \
        --file "$HERE/notes/Dockerfile" "$out" >>"$log" 2>&1 \
        || fail "docker build $image failed" "$log"
    forget "$old" "$image"
    report "$image" built "$started"
}

selected() { [ ${#only[@]} -eq 0 ] || [[ " ${only[*]} " == *" $1 "* ]]; }

build_base
if selected postgres; then build_postgres; fi
if selected notes; then
    for v in $(notes_versions); do
        build_app "$v"
    done
fi

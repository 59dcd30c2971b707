#!/usr/bin/env bash
# Builds the images tenants run, offline (no registry, no egress from containers):
#   provisioner/base:bookworm   debootstrap minbase + postgresql-15, redis-server, libssl3, ca-certificates, slimmed, `docker import`ed
#   provisioner/postgres:15     FROM base, entrypoint.sh (see postgres/)
#   provisioner/redis:7         FROM base, entrypoint.sh (see redis/)
#   provisioner/edge:2.6        FROM base + /usr/bin/caddy out of Debian's caddy 2.6 .deb (`apt-get download` on this host,
#                               `dpkg -x`; see edge/): the shared edge proxy, used when provisioner.yaml turns `edge:` on
#   <product>-app:<version>     FROM base, self-contained `dotnet publish` of the product's project, for every product:
#       a folder templates/<product>/ with image/Dockerfile and src/<Project>/<Project>.csproj (exactly one project);
#       versions are its folders templates/<product>/<semver>/. The Dockerfile's context is the publish output;
#       it gets the build arguments BASE and VERSION. (notes-app, tracker-app)
#   <product>-app:<v>-<name>    test fixtures, only with the selector `fixtures`: templates/<product>/fixtures/<name>/Dockerfile
#       whose FROM line is <product>-app:<v> (built first); context: that folder.
# One image per line: built/present and the seconds it took. Idempotent: an image that exists and was built
# from the same sources (a hash kept in its provisioner.source-hash label) is kept; a changed source rebuilds it.
#
# Usage: infra/images/build.sh [--force] [--force-base] [base|postgres|redis|fixtures|<product>]...
#   --force        rebuild the selected images (not the base) even if present
#   --force-base   also rebuild the base (and therefore everything on it)
#   base|postgres|redis|edge|<product>   only these (default: all but fixtures; a missing base is always built)
#   fixtures       also the products' test fixtures (with no other selector: only the fixtures and what they are built on)
# Environment:
#   BUILD_DIR      scratch space (default <repo>/.build, gitignored)
#   DOCKER         docker client (default: docker on PATH); DOCKER_HOST is honoured
#   DEBIAN_MIRROR  (default http://deb.debian.org/debian)
#   <PRODUCT>_VERSIONS  space-separated versions to build instead of the folders, e.g. NOTES_VERSIONS="1.1.0"
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$REPO/infra/images
BUILD_DIR=${BUILD_DIR:-$REPO/.build}
DOCKER=${DOCKER:-docker}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
export DOCKER_BUILDKIT=0 DOCKER_CLI_HINTS=false

BASE_IMAGE=${BASE_IMAGE:-provisioner/base:bookworm}   # overridable for experiments; the tool expects the default
POSTGRES_IMAGE=provisioner/postgres:15
REDIS_IMAGE=provisioner/redis:7
EDGE_IMAGE=provisioner/edge:2.6
EDGE_PACKAGE=caddy=2.6.*
BASE_PACKAGES=postgresql-15,redis-server,libssl3,ca-certificates
# What the products' archive backups run inside app images; essential packages, checked after every base build.
BASE_TOOLS="sh tar gzip find sort sha256sum du"
SEMVER='^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$'

# Products: templates/<product>/ with image/Dockerfile.
PRODUCTS=()
for dir in "$REPO"/templates/*/; do
    if [ -f "$dir/image/Dockerfile" ]; then PRODUCTS+=("$(basename "$dir")"); fi
done

force=0
force_base=0
only=()
for arg in "$@"; do
    case $arg in
        --force) force=1 ;;
        --force-base) force=1; force_base=1 ;;
        base|postgres|redis|edge|fixtures) only+=("$arg") ;;
        -h|--help) sed -n '2,/^set -euo/{s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *)
            if [[ " ${PRODUCTS[*]} " == *" $arg "* ]]; then
                only+=("$arg")
            else
                echo "build.sh: unknown argument '$arg' (images: base postgres redis edge fixtures ${PRODUCTS[*]}; try --help)" >&2
                exit 2
            fi ;;
    esac
done

mkdir -p "$BUILD_DIR/logs"

# --- helpers --------------------------------------------------------------------------------

image_id() { "$DOCKER" image inspect --format '{{.Id}}' "$1" 2>/dev/null || true; }

# A hash of what an image is built from; stored as a label, so a changed source rebuilds its image.
source_hash() { # paths under $REPO... -> a hash of their files' names (relative to the repository) and contents, so
    # that two clones of the same commit, in different folders, agree and neither rebuilds the other's images
    local rel=("${@#"$REPO"/}")
    (cd "$REPO" && find "${rel[@]}" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16
}
built_from() { "$DOCKER" image inspect --format '{{index .Config.Labels "provisioner.source-hash"}}' "$1" 2>/dev/null || true; }

report() { # image status started [detail]
    local now=$EPOCHREALTIME
    awk -v img="$1" -v st="$2" -v a="$3" -v b="$now" -v d="${4:-}" \
        'BEGIN { printf "%-32s %-8s %6.1fs%s\n", img, st, b - a, (d == "" ? "" : "  (" d ")") }'
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
    debootstrap --variant=minbase --include="$BASE_PACKAGES" \
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
            --message "debootstrap minbase bookworm + ${BASE_PACKAGES//,/ }" \
            - "$BASE_IMAGE" >>"$log" 2>&1 \
        || { remove_rootfs "$rootfs"; fail "docker import failed" "$log"; }
    detail="$detail, import $(seconds_since "$t")"
    remove_rootfs "$rootfs"
    check_base_tools || fail "$BASE_IMAGE lacks tools the products' backups need (wanted: $BASE_TOOLS)" "$log"
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

# The slimming must leave what app images run for archive backups. No network, removed at once.
check_base_tools() {
    "$DOCKER" run --rm --network none --entrypoint /bin/sh "$BASE_IMAGE" -c \
        'missing=; for t in "$@"; do command -v "$t" >/dev/null || missing="$missing $t"; done; [ -z "$missing" ] || { echo "missing:$missing"; exit 1; }' \
        sh $BASE_TOOLS >>"$BUILD_DIR/logs/base.log" 2>&1
}

# --- 2. infrastructure images: postgres, redis (context: infra/images/<name>) ----------------

build_infra() { # image folder
    local image=$1 dir=$HERE/$2 started=$EPOCHREALTIME old log hash
    old=$(image_id "$image")
    hash=$(source_hash "$dir")
    if [ -n "$old" ] && [ "$force" = 0 ] && [ "$(built_from "$image")" = "$hash" ]; then
        report "$image" present "$started"
        return
    fi
    log=$BUILD_DIR/logs/$2.log
    "$DOCKER" build --quiet --force-rm --label provisioner.source-hash="$hash" --tag "$image" --build-arg BASE="$BASE_IMAGE" "$dir" >"$log" 2>&1 \
        || fail "docker build $image failed" "$log"
    forget "$old" "$image"
    report "$image" built "$started"
}

# --- 2b. the edge proxy: Caddy from Debian's package, taken out of the .deb on this host ----------

build_edge() {
    local started=$EPOCHREALTIME old hash scratch log deb
    old=$(image_id "$EDGE_IMAGE")
    hash=$(echo "$EDGE_PACKAGE $(source_hash "$HERE/edge")" | sha256sum | cut -c1-16)
    if [ -n "$old" ] && [ "$force" = 0 ] && [ "$(built_from "$EDGE_IMAGE")" = "$hash" ]; then
        report "$EDGE_IMAGE" present "$started"
        return
    fi
    log=$BUILD_DIR/logs/edge.log
    scratch=$BUILD_DIR/edge
    mkdir -p "$scratch/deb"
    deb=$(find "$scratch/deb" -name 'caddy_2.6.*.deb' | sort | tail -n1)
    if [ -z "$deb" ]; then
        (cd "$scratch/deb" && apt-get download "$EDGE_PACKAGE") >"$log" 2>&1 \
            || { apt-get update -q >>"$log" 2>&1 && (cd "$scratch/deb" && apt-get download "$EDGE_PACKAGE") >>"$log" 2>&1; } \
            || fail "cannot download Debian's $EDGE_PACKAGE package with apt-get (the edge proxy's binary)" "$log"
        deb=$(find "$scratch/deb" -name 'caddy_2.6.*.deb' | sort | tail -n1)
    fi
    rm -rf "$scratch/context" "$scratch/x"
    mkdir -p "$scratch/context"
    dpkg -x "$deb" "$scratch/x" || fail "dpkg -x $deb failed"
    cp "$scratch/x/usr/bin/caddy" "$HERE/edge/Dockerfile" "$HERE/edge/empty.json" "$scratch/context/"
    rm -rf "$scratch/x"
    "$DOCKER" build --quiet --force-rm --label provisioner.source-hash="$hash" --tag "$EDGE_IMAGE" --build-arg BASE="$BASE_IMAGE" "$scratch/context" >>"$log" 2>&1 \
        || fail "docker build $EDGE_IMAGE failed" "$log"
    rm -rf "$scratch/context"
    forget "$old" "$EDGE_IMAGE"
    report "$EDGE_IMAGE" built "$started" "$(basename "$deb")"
}

# --- 3. <product>-app:<version> -------------------------------------------------------------

product_versions() { # product
    local var dir found=()
    var=$(echo "$1" | tr 'a-z-' 'A-Z_')_VERSIONS
    if [ -n "${!var:-}" ]; then
        echo "${!var}"
        return
    fi
    for dir in "$REPO/templates/$1"/*/; do
        dir=$(basename "$dir")
        [[ $dir =~ $SEMVER ]] && found+=("$dir")
    done
    [ ${#found[@]} -eq 0 ] || printf '%s\n' "${found[@]}" | sort -V | tr '\n' ' '
}

product_project() { # product -> the one templates/<product>/src/<Project>/<Project>.csproj
    local projects=()
    mapfile -t projects < <(find "$REPO/templates/$1/src" -mindepth 2 -maxdepth 2 -name '*.csproj' 2>/dev/null | sort)
    [ ${#projects[@]} -eq 1 ] || fail "templates/$1: expected exactly one src/<Project>/<Project>.csproj, found ${#projects[@]}"
    echo "${projects[0]}"
}

declare -A handled=()   # images already built or found present in this run

build_app() { # product version
    local product=$1 version=$2 image=$1-app:$2 started=$EPOCHREALTIME old out log project hash
    [ -z "${handled[$image]:-}" ] || return 0
    handled[$image]=1
    old=$(image_id "$image")
    hash=$(echo "$version $(source_hash "$REPO/templates/$product/src" "$REPO/templates/$product/image")" | sha256sum | cut -c1-16)
    if [ -n "$old" ] && [ "$force" = 0 ] && [ "$(built_from "$image")" = "$hash" ]; then
        report "$image" present "$started"
        return
    fi
    project=$(product_project "$product")
    out=$BUILD_DIR/$product/$version
    log=$BUILD_DIR/logs/$product-$version.log
    rm -rf "$out"
    local t detail
    t=$EPOCHREALTIME
    DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet publish "$project" \
        -c Release -r linux-x64 --self-contained -p:Version="$version" -o "$out" -nologo >"$log" 2>&1 \
        || fail "dotnet publish $product $version failed" "$log"
    detail="publish $(seconds_since "$t")"
    chmod -R u+rwX,go+rX,go-w "$out"   # runtime packs ship 0744 files; the app runs as uid 10001
    t=$EPOCHREALTIME
    "$DOCKER" build --quiet --force-rm --label provisioner.source-hash="$hash" --tag "$image" --build-arg VERSION="$version" --build-arg BASE="$BASE_IMAGE" \
        --file "$REPO/templates/$product/image/Dockerfile" "$out" >>"$log" 2>&1 \
        || fail "docker build $image failed" "$log"
    detail="$detail, docker build $(seconds_since "$t")"
    forget "$old" "$image"
    report "$image" built "$started" "$detail"
}

# --- 4. fixtures: <product>-app:<version>-<name> (only when asked) -----------------------------

build_fixture() { # product name
    local product=$1 name=$2 dir=$REPO/templates/$1/fixtures/$2 started=$EPOCHREALTIME from version image old hash log
    from=$(sed -n 's/^FROM[[:space:]]\{1,\}\([^[:space:]]*\).*/\1/p' "$dir/Dockerfile" | head -n1)
    version=${from#"$product-app:"}
    [ "$from" != "$version" ] && [[ $version =~ $SEMVER ]] \
        || fail "templates/$product/fixtures/$name/Dockerfile: its FROM must be $product-app:<version>, not '$from'"
    build_app "$product" "$version"
    image=$product-app:$version-$name
    old=$(image_id "$image")
    # Sources and the image it is built on: a rebuilt app image rebuilds its fixtures.
    hash=$(echo "$(source_hash "$dir") $(image_id "$from")" | sha256sum | cut -c1-16)
    if [ -n "$old" ] && [ "$force" = 0 ] && [ "$(built_from "$image")" = "$hash" ]; then
        report "$image" present "$started"
        return
    fi
    log=$BUILD_DIR/logs/$product-$version-$name.log
    "$DOCKER" build --quiet --force-rm --label provisioner.source-hash="$hash" --tag "$image" "$dir" >"$log" 2>&1 \
        || fail "docker build $image failed" "$log"
    forget "$old" "$image"
    report "$image" built "$started"
}

selected() { [ ${#only[@]} -eq 0 ] || [[ " ${only[*]} " == *" $1 "* ]]; }

build_base
if selected postgres; then build_infra "$POSTGRES_IMAGE" postgres; fi
if selected redis; then build_infra "$REDIS_IMAGE" redis; fi
if selected edge; then build_edge; fi
for product in "${PRODUCTS[@]}"; do
    if selected "$product"; then
        for v in $(product_versions "$product"); do
            build_app "$product" "$v"
        done
    fi
done
if [[ " ${only[*]} " == *" fixtures "* ]]; then
    for product in "${PRODUCTS[@]}"; do
        for dir in "$REPO/templates/$product"/fixtures/*/; do
            if [ -f "$dir/Dockerfile" ]; then build_fixture "$product" "$(basename "$dir")"; fi
        done
    done
fi

#!/usr/bin/env bash
# Publishes the `provision` binary into PROVISION_BIN (default .build/provision).
#
# Native (NativeAOT) when this machine has a C toolchain (clang or gcc, which link the native binary): the CLI is run once
# per tenant operation, and compiled ahead of time it starts in a few milliseconds and runs its first request without
# loading or compiling any code: a converged rerun takes 0.42x the time it takes with ReadyToRun, `list` 0.19x
# (bench/native-vs-readytorun.sh).
# Without a C toolchain (or if the native build fails) it falls back to ReadyToRun, composite with the runtime it ships
# with (self-contained), which needs nothing but the .NET SDK. Both behave the same; `$BIN/.kind` says which one was
# built (native or readytorun). A native build that fails falls back with a warning; the build itself keeps the native
# build honest: every src/ project is compiled with the trimming and AOT analyzers, their warnings errors
# (Directory.Build.props), so code the native binary could not run fails `dotnet build` everywhere.
#
# Each kind has its own intermediate folder; the first native build takes about 2.5-3 minutes on 2 cores (and any change
# relinks the whole program: about as long again), a build with nothing changed a few seconds. PROVISIONER_NATIVE=0
# forces ReadyToRun.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONFIG=${CONFIG:-Release}
BIN=${PROVISION_BIN:-$PWD/.build/provision}
common=(src/Provisioner.Cli -c "$CONFIG" -r linux-x64 -nologo -v q -clp:NoSummary)

linker() {
    if command -v clang >/dev/null 2>&1; then echo clang
    elif command -v gcc >/dev/null 2>&1; then echo gcc
    fi
}

# A folder of one kind only: files of the other kind (or of a build from before .kind) left beside the binary would be
# confusing, and are never used.
into() {
    if [ -d "$BIN" ] && [ "$(cat "$BIN/.kind" 2>/dev/null)" != "$1" ]; then
        rm -rf "$BIN"
    fi
    mkdir -p "$BIN"
}

native() {
    local cc=$1
    into native
    dotnet publish "${common[@]}" -p:PublishAot=true -p:CppCompilerAndLinker="$cc" -p:IntermediateOutputPath=obj/native/ -o "$BIN" &&
        echo native >"$BIN/.kind"
}

readytorun() {
    into readytorun
    dotnet publish "${common[@]}" --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
        -p:IntermediateOutputPath=obj/composite/ -o "$BIN"
    echo readytorun >"$BIN/.kind"
}

cc=$(linker)
if [ "${PROVISIONER_NATIVE:-1}" != 0 ] && [ -n "$cc" ]; then
    if native "$cc"; then
        exit 0
    fi
    echo "warning: the native build of provision failed (above); building the ReadyToRun one instead" >&2
elif [ "${PROVISIONER_NATIVE:-1}" != 0 ]; then
    echo "note: no C compiler (clang or gcc) found, so provision is built with ReadyToRun, not native (apt-get install clang for the faster one)" >&2
fi
readytorun

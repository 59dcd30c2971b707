#!/usr/bin/env bash
# Headless Chromium for the capacity report's rendering test (Debian's package; no download from elsewhere).
# Idempotent: when `chromium` is already on the PATH this only prints its version.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "browser: $(chromium --version 2>/dev/null | head -1)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser: chromium is missing and apt-get is not available; install Debian's chromium package" >&2
  exit 1
fi
echo "browser: installing Debian's chromium (once)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "browser: $(chromium --version 2>/dev/null | head -1)"

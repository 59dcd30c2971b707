#!/usr/bin/env bash
# promtool (Prometheus' own parser and linter of the metrics text format), for the test that parses the metrics file
# `provision check --metrics` writes. Debian's prometheus package ships it; nothing is downloaded from elsewhere.
# Idempotent: when `promtool` is already on the PATH this only prints its version.
set -euo pipefail
if command -v promtool >/dev/null 2>&1; then
  echo "promtool: $(promtool --version 2>&1 | head -1)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "promtool: missing and apt-get is not available; install Debian's prometheus package (it ships promtool)" >&2
  exit 1
fi
echo "promtool: installing Debian's prometheus package (once; only its promtool is used)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends prometheus >/dev/null
echo "promtool: $(promtool --version 2>&1 | head -1)"

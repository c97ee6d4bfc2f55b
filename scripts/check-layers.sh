#!/usr/bin/env bash
# Fails when a DNS Watch library links a layer above it (or a Qt module its layer must not use):
# asks CMake for the link graph of a configured build directory and checks it.
# Usage: scripts/check-layers.sh [BUILD_DIR]   (default: build)
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=${1:-$repo_root/build}
graph_dir=$(mktemp -d)
trap 'rm -rf "$graph_dir"' EXIT
cmake -S "$repo_root" -B "$build" --graphviz="$graph_dir/dnswatch.dot" >/dev/null
python3 "$repo_root/scripts/check-layers.py" "$graph_dir/dnswatch.dot"

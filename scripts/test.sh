#!/usr/bin/env bash
# Installs what is missing (including dnsmasq and unbound for the integration tests), builds
# everything with warnings as errors, checks the formatting and the layers, and runs the whole
# suite with ctest, then checks the Debian package (tests/package/check-package.sh).
# Prints the output of failing tests; exits non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/common.sh"

"$repo_root/scripts/deps.sh" test
"$repo_root/scripts/check-format.sh"

echo "== build (warnings are errors)"
configure_and_build "$repo_root/build" -DDNSWATCH_BUILD_TESTS=ON \
  -DDNSWATCH_WERROR=ON

echo "== layers (no library links a layer above it)"
"$repo_root/scripts/check-layers.sh" "$repo_root/build"

echo "== tests"
cd "$repo_root/build"
ctest --output-on-failure -j"$jobs" --timeout 300

echo "== the Debian package"
"$repo_root/tests/package/check-package.sh"

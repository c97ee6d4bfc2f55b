#!/usr/bin/env bash
# Installs what is missing, builds, and runs DNS Watch's main job: `dnswatch --once` over the
# embedded default config (localhost through the system resolver, plus the host of
# MLFLOW_TRACKING_URI when set). Extra arguments go to dnswatch, e.g.
#   scripts/run.sh --config examples/dnswatch.json --format json
set -euo pipefail
source "$(dirname "$0")/common.sh"

"$repo_root/scripts/deps.sh" build
configure_and_build "$repo_root/build-run" -DDNSWATCH_BUILD_TESTS=OFF -DDNSWATCH_BUILD_BENCH=OFF \
  > "$repo_root/build-run.log" 2>&1 || { cat "$repo_root/build-run.log"; exit 1; }
exec "$repo_root/build-run/src/app/dnswatch" --once "$@"

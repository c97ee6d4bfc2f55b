#!/usr/bin/env bash
# Installs what is missing, builds, and runs DNS Watch.
# Without arguments: `dnswatch --demo`, the agent over the built-in lab (fake names on loopback
# whose DNS fails on a script) with its live status until Ctrl-C; nothing to set up. When the
# output is not a terminal (a script, CI), one round over the lab instead: `--demo --once`.
# With arguments: dnswatch with those arguments (no mode given means --once), e.g.
#   scripts/run.sh --once                 # one round over the embedded default config
#   scripts/run.sh --demo --once          # one round over the lab
#   scripts/run.sh --config examples/dnswatch.json --format json
set -euo pipefail
source "$(dirname "$0")/common.sh"

"$repo_root/scripts/deps.sh" build
configure_and_build "$repo_root/build-run" -DDNSWATCH_BUILD_TESTS=OFF -DDNSWATCH_BUILD_BENCH=OFF \
  > "$repo_root/build-run.log" 2>&1 || { cat "$repo_root/build-run.log"; exit 1; }
if [ $# -eq 0 ]; then
  if [ -t 1 ]; then set -- --demo; else set -- --demo --once; fi
fi
exec "$repo_root/build-run/src/app/dnswatch" "$@"

#!/usr/bin/env bash
# Installs what is missing, builds, and runs DNS Watch.
# Without arguments: the built-in lab (fake names on loopback whose DNS fails on a script),
# nothing to set up: in the dashboard when there is a display, else the headless agent with its
# live status in a terminal (until Ctrl-C), else (a script, CI) one round: `--demo --once`.
# With arguments: dnswatch with those arguments (without a mode: the dashboard, which needs a
# display), e.g.
#   scripts/run.sh --once                 # one round over the embedded default config
#   scripts/run.sh --demo --once          # one round over the lab
#   scripts/run.sh --config examples/dnswatch.json --format json
set -euo pipefail
source "$(dirname "$0")/common.sh"

"$repo_root/scripts/deps.sh" build
configure_and_build "$repo_root/build-run" -DDNSWATCH_BUILD_TESTS=OFF -DDNSWATCH_BUILD_BENCH=OFF \
  > "$repo_root/build-run.log" 2>&1 || { cat "$repo_root/build-run.log"; exit 1; }
if [ $# -eq 0 ]; then
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "run.sh: a display is there: the demo lab in the dashboard" >&2
    set -- --demo
  elif [ -t 1 ]; then
    echo "run.sh: no display: the demo lab in the headless agent (Ctrl-C stops it)" >&2
    set -- --demo --headless
  else
    echo "run.sh: no display and no terminal: one round over the demo lab" >&2
    set -- --demo --once
  fi
fi
exec "$repo_root/build-run/src/app/dnswatch" "$@"

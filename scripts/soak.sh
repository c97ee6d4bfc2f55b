#!/usr/bin/env bash
# Soaks the agent's HTTP listener: runs the real `dnswatch --headless` for a while under a mixed
# hostile load on loopback (idle holders, askers, drippers, garbage, pipelined floods) beside a
# normal client, and checks that every normal request is answered within 5 s and that the agent's
# memory stays flat after warm-up. Prints a table of what it measured (tests/soak/listener_soak.py).
# Usage: scripts/soak.sh [SECONDS]   (default $DNSWATCH_SOAK_S, else 180)
# Exit code 1 when a check fails. Not part of scripts/test.sh: it takes minutes.
set -euo pipefail
source "$(dirname "$0")/common.sh"

seconds=${1:-${DNSWATCH_SOAK_S:-180}}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 20 ]; then
  echo "soak.sh: expected a number of seconds (at least 20), got '$seconds'" >&2
  exit 2
fi

"$repo_root/scripts/deps.sh" test
configure_and_build "$repo_root/build" -DDNSWATCH_BUILD_TESTS=ON > "$repo_root/build-soak.log" 2>&1 \
  || { cat "$repo_root/build-soak.log"; exit 1; }
echo "== soak of the agent's HTTP listener, ${seconds} s"
exec python3 "$repo_root/tests/soak/listener_soak.py" "$repo_root/build/src/app/dnswatch" "$seconds"

#!/usr/bin/env bash
# Builds and runs the benchmarks (bench/), each group in a process of its own, printing one
# table of side-by-side ratios.
# Exit code 1 when a target is missed. Not part of scripts/test.sh: these machines are noisy.
set -euo pipefail
source "$(dirname "$0")/common.sh"

"$repo_root/scripts/deps.sh" test
configure_and_build "$repo_root/build-bench" -DCMAKE_BUILD_TYPE=Release -DDNSWATCH_BUILD_TESTS=ON \
  -DDNSWATCH_BUILD_BENCH=ON > "$repo_root/build-bench.log" 2>&1 \
  || { cat "$repo_root/build-bench.log"; exit 1; }
exec "$repo_root/build-bench/bench/dnswatch_bench" "$@"

#!/usr/bin/env bash
# A second build with AddressSanitizer and UndefinedBehaviorSanitizer; runs the core tests in it.
set -euo pipefail
source "$(dirname "$0")/common.sh"

"$repo_root/scripts/deps.sh" test
echo "== sanitizer build (ASan + UBSan)"
configure_and_build "$repo_root/build-asan" -DDNSWATCH_SANITIZE=ON -DDNSWATCH_BUILD_BENCH=OFF \
  -DDNSWATCH_BUILD_APP=OFF
cd "$repo_root/build-asan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$jobs" -L core --timeout 300

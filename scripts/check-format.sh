#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what .clang-format makes of it.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$repo_root"
mapfile -t files < <(git ls-files '*.cpp' '*.h')
[ ${#files[@]} -gt 0 ] || exit 0
if ! clang-format --dry-run --Werror "${files[@]}" 2> /tmp/dnswatch-format.log; then
  grep -E '^[^ ].*: (error|warning):' /tmp/dnswatch-format.log | cut -d: -f1 | sort -u \
    | sed 's/^/not formatted: /'
  echo "run: clang-format -i \$(git ls-files '*.cpp' '*.h')" >&2
  exit 1
fi
echo "== formatting ok (${#files[@]} files)"

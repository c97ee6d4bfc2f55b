#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what .clang-format makes of it.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$repo_root"
listing=$(git ls-files '*.cpp' '*.h') || { echo "check-format: git ls-files failed" >&2; exit 1; }
mapfile -t files <<< "$listing"
if [ -z "$listing" ]; then
  echo "check-format: no C++ files found; is this a git checkout?" >&2
  exit 1
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2> /tmp/dnswatch-format.log; then
  grep -E '^[^ ].*: (error|warning):' /tmp/dnswatch-format.log | cut -d: -f1 | sort -u \
    | sed 's/^/not formatted: /'
  echo "run: clang-format -i \$(git ls-files '*.cpp' '*.h')" >&2
  exit 1
fi
echo "== formatting ok (${#files[@]} files)"

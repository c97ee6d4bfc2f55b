#!/usr/bin/env bash
# Writes the man page dnswatch.1 with help2man from `dnswatch --help` and `--version` plus
# resources/man/dnswatch.h2m (exit status, environment, files). The page is checked in
# (resources/man/dnswatch.1); tests/package/check-package.sh compares it with a fresh run.
# Usage: scripts/update-manpage.sh [DNSWATCH_BINARY [OUTPUT]]
#   (default: the package build's binary, written over resources/man/dnswatch.1)
set -euo pipefail
source "$(dirname "$0")/common.sh"

binary=$(realpath "${1:-$repo_root/build-package/src/app/dnswatch}")
output=${2:-$repo_root/resources/man/dnswatch.1}
command -v help2man >/dev/null || { echo "update-manpage.sh: help2man is missing (scripts/deps.sh test)" >&2; exit 1; }
[ -x "$binary" ] || { echo "update-manpage.sh: no dnswatch at $binary (run scripts/package.sh)" >&2; exit 1; }

# The page's date is the release date of the version, so the page changes only with a release.
release_date=$(sed -n 's/^set(DNSWATCH_RELEASE_DATE \([0-9-]*\))$/\1/p' "$repo_root/CMakeLists.txt")
# Run as `dnswatch` from PATH, so its usage line names no build folder; in English.
bindir=$(mktemp -d)
trap 'rm -rf "$bindir"' EXIT
ln -s "$binary" "$bindir/dnswatch"
PATH="$bindir:$PATH" LC_ALL=C.UTF-8 LANGUAGE='' SOURCE_DATE_EPOCH=$(date -u -d "$release_date 12:00" +%s) \
  help2man --no-info --section=1 --source="DNS Watch" --manual="User Commands" \
  --include="$repo_root/resources/man/dnswatch.h2m" --output="$output" dnswatch

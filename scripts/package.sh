#!/usr/bin/env bash
# Builds the Debian package dnswatch_<version>_<arch>.deb with CPack from a Release build of its
# own (build-package: no tests; optimised with debug info like the test build, so ccache serves
# it, and stripped in the package) and prints its path, size and build time.
# Usage: scripts/package.sh [OUTPUT_DIR]   (default: dist/ in the checkout)
# The package is reproducible: SOURCE_DATE_EPOCH (default: the last commit's time) dates its
# files, so two runs over one tree give the same bytes.
set -euo pipefail
source "$(dirname "$0")/common.sh"

output_dir=$(realpath -m "${1:-$repo_root/dist}")
build_dir=$repo_root/build-package
start=$(date +%s)

"$repo_root/scripts/deps.sh" package >&2
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git -C "$repo_root" log -1 --format=%ct 2>/dev/null || echo 1796601600)
fi
export SOURCE_DATE_EPOCH

echo "== package build ($build_dir)" >&2
# rcc dates the embedded files by SOURCE_DATE_EPOCH: a new epoch needs them made again.
if [ "$(cat "$build_dir/source-date-epoch" 2>/dev/null)" != "$SOURCE_DATE_EPOCH" ]; then
  if [ -d "$build_dir" ]; then find "$build_dir" -name 'qrc_*.cpp' -delete; fi
fi
# The compiler flags are the test build's (-O2 -g, warnings as errors), so ccache serves them;
# the link gets Debian's hardening (read-only relocations, bound at start).
configure_and_build "$build_dir" -DDNSWATCH_BUILD_TESTS=OFF -DDNSWATCH_WERROR=ON \
  "-DCMAKE_EXE_LINKER_FLAGS=-Wl,-z,relro,-z,now" >&2
echo "$SOURCE_DATE_EPOCH" > "$build_dir/source-date-epoch"

staging=$output_dir/.cpack
rm -rf "$staging"
mkdir -p "$staging"
(cd "$build_dir" && cpack -G DEB -B "$staging" >&2)
deb=$(find "$staging" -maxdepth 1 -name 'dnswatch_*.deb' | head -n 1)
[ -n "$deb" ] || { echo "package.sh: cpack wrote no package" >&2; exit 1; }
mv -f "$deb" "$output_dir/"
rm -rf "$staging"
deb=$output_dir/$(basename "$deb")

echo "$deb"
echo "package.sh: $(du -h --apparent-size "$deb" | cut -f1) ($(stat -c %s "$deb") bytes), built in $(($(date +%s) - start)) s" >&2

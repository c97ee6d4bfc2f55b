#!/usr/bin/env bash
# Installs the Debian packages DNS Watch needs, only those that are missing.
# Usage: scripts/deps.sh [build|test|all]   (default: build)
set -euo pipefail

build_packages=(
  qt6-base-dev libqt6opengl6-dev libxkbcommon-dev qt6-charts-dev qt6-httpserver-dev
  qt6-websockets-dev qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite
  cmake ninja-build ccache g++
)
test_packages=(
  clang-14 libclang-rt-14-dev clang-format
  dnsmasq-base unbound bind9-dnsutils dnsperf iproute2 util-linux
  fonts-dejavu-core xvfb xauth
)

wanted=("${build_packages[@]}")
case "${1:-build}" in
  build) ;;
  test | all) wanted+=("${test_packages[@]}") ;;
  *) echo "deps.sh: unknown set '$1' (expected build, test or all)" >&2; exit 2 ;;
esac

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
  [[ "$status" == ii* ]] || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "deps.sh: installing ${#missing[@]} missing package(s): ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "deps.sh: need root to install packages (run as root or install them by hand)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps.sh: done"

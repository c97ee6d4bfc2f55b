#!/usr/bin/env bash
# Installs the Debian packages DNS Watch needs, only those that are missing.
# Usage: scripts/deps.sh [build|package|test|all]   (default: build)
set -euo pipefail
# root after a plain `su` has no sbin directories on PATH; dpkg needs them.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

build_packages=(
  qt6-base-dev libqt6opengl6-dev libxkbcommon-dev qt6-charts-dev qt6-httpserver-dev
  qt6-websockets-dev qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite qtkeychain-qt6-dev
  libnghttp2-dev pkgconf zlib1g-dev
  cmake ninja-build ccache g++
  fonts-dejavu-core
)
# scripts/package.sh: dpkg-shlibdeps computes the package's dependencies.
package_packages=(dpkg-dev)
test_packages=(
  clang-14 libclang-rt-14-dev clang-format
  dnsmasq-base unbound bind9-dnsutils dnsperf iproute2 util-linux python3 python3-yaml openssl prometheus
  xvfb xauth python3-jsonschema poppler-utils ldnsutils prometheus-blackbox-exporter
  lintian appstream desktop-file-utils help2man man-db
)

wanted=("${build_packages[@]}")
case "${1:-build}" in
  build) ;;
  package) wanted+=("${package_packages[@]}") ;;
  test | all) wanted+=("${package_packages[@]}" "${test_packages[@]}") ;;
  *) echo "deps.sh: unknown set '$1' (expected build, package, test or all)" >&2; exit 2 ;;
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
# The tests run their own DNS servers on loopback high ports; the packaged services must not
# start (unbound's would take 127.0.0.1:53 and fetch a trust anchor from the internet).
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  own_policy=1
fi
trap 'if [ "$own_policy" -eq 1 ]; then rm -f "$policy"; fi' EXIT
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
if [[ " ${missing[*]} " == *" unbound "* ]] && [ -d /run/systemd/system ]; then
  if systemctl disable --now unbound.service >/dev/null 2>&1; then
    echo "deps.sh: unbound's system service is disabled; the tests start their own"
  else
    echo "deps.sh: could not disable unbound.service; stop it if it holds 127.0.0.1:53" >&2
  fi
fi
echo "deps.sh: done"

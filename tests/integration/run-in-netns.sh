#!/usr/bin/env bash
# Runs a test inside a private network and mount namespace (LAB.md): loopback only, and
# /etc/resolv.conf and /etc/hosts replaced by our own, so the system resolver (getaddrinfo) asks
# the test's dnsmasq on 127.0.0.1:53. The host's own files and network are untouched.
# Exit 77 (skipped, with the reason) when namespaces cannot be made here.
set -euo pipefail
test_binary="$1"; shift

if [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null; then
  echo "SKIP: needs root and unshare (util-linux) for a private network namespace" >&2
  exit 77
fi
if ! unshare -nm true 2>/dev/null; then
  echo "SKIP: unshare -nm is not permitted in this environment" >&2
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' > "$work/resolv.conf"
printf '127.0.0.1 localhost\n10.5.5.5 static.test\n' > "$work/hosts"

export DNSWATCH_NETNS_WORKDIR="$work"
exec unshare -nm bash -c '
  set -e
  ip link set lo up
  mount --bind "$DNSWATCH_NETNS_WORKDIR/resolv.conf" /etc/resolv.conf
  mount --bind "$DNSWATCH_NETNS_WORKDIR/hosts" /etc/hosts
  exec "$@"
' netns "$test_binary" "$@"

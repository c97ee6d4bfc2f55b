#!/usr/bin/env bash
# Runs a test inside a private network and mount namespace: loopback only, and
# /etc/resolv.conf, /etc/hosts and /etc/nsswitch.conf replaced by our own, so the system resolver
# (getaddrinfo) asks the test's dnsmasq on 127.0.0.1:53 and nothing else (no systemd-resolved).
# The host's own files and network are untouched.
# Where namespaces cannot be made: exit 77 (ctest: skipped, with the reason), but under CI
# (CI set) that is a failure, so CI never passes without testing the system resolver.
set -euo pipefail
test_binary="$1"; shift

cannot() {
  echo "run-in-netns: $1" >&2
  if [ -n "${CI:-}" ]; then exit 1; fi
  exit 77
}
[ "$(id -u)" -eq 0 ] || cannot "needs root for a private network namespace"
command -v unshare >/dev/null || cannot "unshare (util-linux) is missing"
unshare -nm true 2>/dev/null || cannot "unshare -nm is not permitted here"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A 5 s libc timeout: the test's own application-level timeouts (500 ms) end well before it.
printf 'nameserver 127.0.0.1\noptions timeout:5 attempts:1\n' > "$work/resolv.conf"
printf '127.0.0.1 localhost\n10.5.5.5 static.test\n' > "$work/hosts"
printf 'hosts: files dns\n' > "$work/nsswitch.conf"

export DNSWATCH_NETNS_WORKDIR="$work"
# Not exec: the trap above removes the work directory afterwards.
unshare -nm bash -c '
  set -e
  ip link set lo up
  for f in resolv.conf hosts nsswitch.conf; do
    mount --bind "$DNSWATCH_NETNS_WORKDIR/$f" "/etc/$f"
  done
  exec "$@"
' netns "$test_binary" "$@"

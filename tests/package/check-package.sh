#!/usr/bin/env bash
# Checks the Debian package as ops staff meet it: builds it twice with scripts/package.sh (the
# two must be the same bytes), runs lintian (no error, no warning that is not overridden in
# resources/debian/lintian-overrides), validates the metainfo, the desktop entry and the
# systemd unit, runs the unpacked dnswatch (--version, --help, --once over the example config
# against a dnsmasq on loopback), reads the man page with man and compares it with a fresh
# help2man run, and tries the maintainer scripts' remove and purge in a private mount namespace.
# scripts/test.sh runs it after ctest; quick when ccache is warm (the build is mostly links).
set -euo pipefail
source "$(dirname "$0")/../../scripts/common.sh"

work=$(mktemp -d)
dnsmasq_pid=
cleanup() {
  if [ -n "$dnsmasq_pid" ]; then kill "$dnsmasq_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "check-package: FAIL: $*" >&2
  exit 1
}
step() { echo "-- $*"; }

version=$(sed -n 's/^project(dnswatch VERSION \([0-9.]*\) .*/\1/p' "$repo_root/CMakeLists.txt")
app_id=$(sed -n 's/^set(DNSWATCH_APP_ID \(.*\))$/\1/p' "$repo_root/CMakeLists.txt")
arch=$(dpkg --print-architecture)

step "build the package twice"
deb=$("$repo_root/scripts/package.sh" "$work/first")
[ "$(basename "$deb")" = "dnswatch_${version}_${arch}.deb" ] || fail "package named $(basename "$deb")"
# The second time rcc embeds the resources again and the program is linked again (the dated
# parts of a build), then CPack packs it.
rm -f "$repo_root/build-package/source-date-epoch"
second=$("$repo_root/scripts/package.sh" "$work/second")
cmp "$deb" "$second" || fail "two builds of the package differ (not reproducible)"

step "control fields"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"
depends=$(dpkg-deb -f "$deb" Depends)
# Computed by dpkg-shlibdeps from the binary (libqt6core6 with its version), plus the plugin.
[[ "$depends" == *"libqt6core6 (>="* ]] || fail "Depends not computed from the binary: $depends"
[[ "$depends" == *"libqt6sql6-sqlite"* ]] || fail "Depends lacks the SQLite driver: $depends"
[[ "$(dpkg-deb -f "$deb" Suggests)" == *prometheus* ]] || fail "Suggests lacks prometheus"

step "lintian"
out=$(lintian --fail-on error,warning --tag-display-limit 0 "$deb" 2>&1) \
  || fail "lintian reports an error or warning: $out"
grep -v 'running with root privileges' <<< "$out" || true

step "contents"
root=$work/root
dpkg-deb -x "$deb" "$root"
for file in usr/bin/dnswatch "usr/share/applications/$app_id.desktop" \
  usr/share/icons/hicolor/256x256/apps/dnswatch.png "usr/share/metainfo/$app_id.metainfo.xml" \
  usr/share/man/man1/dnswatch.1.gz usr/lib/systemd/system/dnswatch-agent.service \
  usr/share/doc/dnswatch/copyright usr/share/doc/dnswatch/changelog.gz \
  usr/share/doc/dnswatch/examples/dnswatch.json usr/share/doc/dnswatch/examples/alerts.yml \
  usr/share/doc/dnswatch/examples/grafana-dashboard.json; do
  [ -f "$root/$file" ] || fail "the package lacks /$file"
done
zcat "$root/usr/share/doc/dnswatch/changelog.gz" | head -n 1 | grep -q "^dnswatch ($version)" \
  || fail "the changelog is not of version $version"

step "appstreamcli validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" \
  || fail "the metainfo is not valid"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$app_id.metainfo.xml" \
  || fail "the metainfo has no release $version"

step "desktop-file-validate"
# Hints too: it prints nothing for a clean entry.
out=$(desktop-file-validate "$root/usr/share/applications/$app_id.desktop" 2>&1) || true
[ -z "$out" ] || fail "the desktop entry: $out"

step "the systemd unit"
unit=$root/usr/lib/systemd/system/dnswatch-agent.service
grep -qx 'StateDirectory=dnswatch' "$unit" || fail "the unit keeps no state in /var/lib/dnswatch"
grep -qx 'AssertPathExists=/etc/dnswatch/dnswatch.json' "$unit" || fail "the unit starts without a config"
grep -q '^ExecStart=/usr/bin/dnswatch --headless --config /etc/dnswatch/dnswatch.json' "$unit" \
  || fail "the unit does not run the packaged agent"
if command -v systemd-analyze >/dev/null; then
  # The unit as packaged, with its program where the package was unpacked.
  mkdir -p "$work/units"
  sed "s|/usr/bin/dnswatch|$root/usr/bin/dnswatch|" "$unit" > "$work/units/dnswatch-agent.service"
  out=$(MANPATH="$root/usr/share/man" systemd-analyze verify "$work/units/dnswatch-agent.service" 2>&1) \
    || fail "systemd-analyze verify: $out"
  if grep -q 'dnswatch-agent' <<< "$out"; then fail "systemd-analyze verify: $out"; fi
else
  echo "(no systemd-analyze: only the unit's keys were checked)"
fi

step "maintainer scripts: nothing enabled or started; remove keeps the history, purge deletes it"
dpkg-deb -e "$deb" "$work/control"
for script in postinst prerm postrm; do
  # try-restart is allowed: it restarts an agent that already runs (an upgrade), never a stopped one.
  if grep -v '^[[:space:]]*#' "$work/control/$script" | sed 's/try-restart//g' \
    | grep -Eq '(^|[^[:alnum:]-])(enable|start|unmask)([^[:alnum:]-]|$)'; then
    fail "$script enables or starts something"
  fi
done
# A private mount namespace needs CAP_SYS_ADMIN, which root in a plain container lacks.
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null && unshare --mount true 2>/dev/null; then
  # A private /var/lib, /run and /etc/systemd/system: the host's state and its systemd are not
  # touched.
  # The script is read before the mounts, which could hide a TMPDIR under /run.
  unshare --mount sh -ec '
    postrm=$(cat "$1/postrm")
    mount -t tmpfs none /var/lib && mount -t tmpfs none /run
    mkdir -p /etc/systemd/system && mount -t tmpfs none /etc/systemd/system
    wants=/etc/systemd/system/multi-user.target.wants
    mkdir -p $wants && ln -s /usr/lib/systemd/system/dnswatch-agent.service $wants/
    mkdir -p /var/lib/private/dnswatch && ln -s private/dnswatch /var/lib/dnswatch
    touch /var/lib/dnswatch/history.db
    sh -c "$postrm" postrm remove
    [ -e /var/lib/dnswatch/history.db ] || { echo "remove deleted the history" >&2; exit 1; }
    sh -c "$postrm" postrm purge
    [ ! -e /var/lib/dnswatch ] && [ ! -e /var/lib/private/dnswatch ] \
      || { echo "purge left the history" >&2; exit 1; }
    [ ! -L $wants/dnswatch-agent.service ] || { echo "purge left the enable link" >&2; exit 1; }' \
    sh "$work/control" \
    || fail "postrm remove/purge"
else
  echo "(no private mount namespace here: remove and purge not tried)"
fi

step "the unpacked dnswatch: --version, --help"
binary=$root/usr/bin/dnswatch
[ "$("$binary" --version)" = "dnswatch $version" ] || fail "--version"
help=$("$binary" --help) || fail "--help exited $?"
grep -q -- '--headless' <<< "$help" || fail "--help does not list --headless"

step "--once over the example config, its resolver pointed at a dnsmasq on loopback"
for _ in 1 2 3; do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  dnsmasq --keep-in-foreground --conf-file=/dev/null --port="$port" --listen-address=127.0.0.1 \
    --bind-interfaces --no-resolv --no-hosts --pid-file= --user=root --group=root --local-ttl=60 \
    --host-record=mlflow.internal,127.0.0.1 --host-record=api.internal,127.0.0.1 \
    --host-record=db.internal,127.0.0.1,::1 --host-record=registry.internal,127.0.0.1 \
    2>"$work/dnsmasq.log" &
  dnsmasq_pid=$!
  if dig @127.0.0.1 -p "$port" mlflow.internal +short +tries=3 +time=1 | grep -q 127.0.0.1; then break; fi
  kill "$dnsmasq_pid" 2>/dev/null || true
  dnsmasq_pid=
done
[ -n "$dnsmasq_pid" ] || fail "dnsmasq did not start: $(cat "$work/dnsmasq.log")"
# The example's targets through its first resolver, now the lab's dnsmasq; no service checks,
# comparisons or expected addresses (they would reach beyond loopback).
python3 - "$root/usr/share/doc/dnswatch/examples/dnswatch.json" "$port" "$work/once.json" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))
lab = config["resolvers"][0]
lab["servers"] = ["127.0.0.1:" + sys.argv[2]]
config["resolvers"] = [lab]
for target in config["targets"]:
    target["resolver"] = lab["name"]
    for key in ("check", "expect_addresses", "compare"):
        target.pop(key, None)
json.dump(config, open(sys.argv[3], "w"))
PY
DNSWATCH_FALLBACK_IPS='' timeout 60 "$binary" --once --config "$work/once.json" --format json \
  > "$work/once.out" || fail "--once exited $? (want 0): $(cat "$work/once.out")"
python3 - "$work/once.out" "$port" <<'PY' || fail "--once did not resolve through the dnsmasq"
import json, sys
result = json.load(open(sys.argv[1]))
server = "127.0.0.1:" + sys.argv[2]
assert result["ready"] is True, result
assert len(result["targets"]) == 4, result["targets"]
for target in result["targets"]:
    assert target["source"] == "fresh" and target["server"] == server, target
    assert "127.0.0.1" in target["addresses"], target
PY
kill "$dnsmasq_pid"
dnsmasq_pid=

step "the man page: man -l, and no drift from --help"
page=$root/usr/share/man/man1/dnswatch.1.gz
out=$(MAN_DISABLE_SECCOMP=1 MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$page" 2>&1 >"$work/man.txt") \
  || fail "man -l exited $?: $out"
[ -z "$out" ] || fail "man -l warns: $out"
grep -q 'EXIT STATUS' "$work/man.txt" || fail "man -l printed no EXIT STATUS"
zcat "$page" | cmp - "$repo_root/resources/man/dnswatch.1" || fail "the packaged man page is not resources/man/dnswatch.1"
"$repo_root/scripts/update-manpage.sh" "$binary" "$work/dnswatch.1"
diff -u "$repo_root/resources/man/dnswatch.1" "$work/dnswatch.1" \
  || fail "resources/man/dnswatch.1 is out of date: run scripts/update-manpage.sh"

echo "check-package: ok ($(basename "$deb"), $(stat -c %s "$deb") bytes)"

# Shared by the scripts: where things are and how a build is configured.
# shellcheck shell=bash
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# root after a plain `su` has no sbin directories on PATH; dpkg, dnsmasq and unbound live there.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
jobs=$(nproc 2>/dev/null || echo 2)

# configure_and_build DIR [cmake options...]: idempotent; fast when nothing changed.
configure_and_build() {
  local dir=$1; shift
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$repo_root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" >/dev/null
  else
    cmake "$dir" "$@" >/dev/null
  fi
  cmake --build "$dir" -j"$jobs"
}

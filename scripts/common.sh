# Shared by the scripts: where things are and how a build is configured.
# shellcheck shell=bash
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# root after a plain `su` has no sbin directories on PATH; dpkg, dnsmasq and unbound live there.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
jobs=$(nproc 2>/dev/null || echo 2)
# ccache: one cache for every clone and worktree of the repository. Paths are hashed relative to
# the clone, and the folder a build runs in is left out of the hash (debug builds put it in by
# default), so a fresh clone compiles from the cache what another clone already compiled. The
# price: debug info of a cache hit may name the other clone's build folder.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$repo_root}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"

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

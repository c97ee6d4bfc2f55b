#!/usr/bin/env bash
# Builds the libFuzzer targets and fuzzes each for a while: the DNS message codec
# (fuzz_dnsmessage), the config file's parser (fuzz_configjson), the agent's request head
# scanner (fuzz_requesthead), its API's query parameters (fuzz_queryparameters) and those of its
# event feed (fuzz_eventsquery), the bodies of the agent's actions (fuzz_actionbody) and the
# dashboard's readers of agent answers (fuzz_agentanswers).
# Usage: scripts/fuzz.sh [SECONDS]   (default 60, for each target)
#
# Build dir: $DNSWATCH_FUZZ_BUILD (default: build-fuzz in the source tree), configured once
# with clang-14 and -DDNSWATCH_FUZZ=ON. Each fuzzer works on a copy of its fuzz/corpus/<name>
# kept in the build dir (so what it finds accumulates between runs and the committed seeds stay
# untouched). Crash inputs go to build-fuzz/artifacts/ in the source tree. Exits non-zero when a
# fuzzer finds a crash, a leak, a timeout or a broken invariant.
set -euo pipefail

seconds=${1:-60}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "fuzz.sh: expected a number of seconds, got '$seconds'" >&2
    exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
build=${DNSWATCH_FUZZ_BUILD:-$root/build-fuzz}
artifacts=$root/build-fuzz/artifacts

# clang-14 and its fuzzer runtime (libclang-rt-14-dev) come with the test packages.
"$root/scripts/deps.sh" test
if [ ! -f "$build/build.ninja" ]; then
    CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DDNSWATCH_FUZZ=ON \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
fi
# Each target as NAME (fuzz/fuzz_NAME.cpp, fuzz/corpus/NAME) and the longest input it is given.
declare -A longest=([dnsmessage]=4096 [configjson]=16384 [requesthead]=8192 [queryparameters]=4096
    [eventsquery]=4096 [actionbody]=16384 [agentanswers]=16384)
targets=(dnsmessage configjson requesthead queryparameters eventsquery actionbody agentanswers)
# Two jobs at most: the machine is shared.
cmake --build "$build" --target "${targets[@]/#/fuzz_}" -j2 >/dev/null
mkdir -p "$artifacts"

# fuzz NAME MAX_LEN: runs fuzz_NAME on a copy of fuzz/corpus/NAME; 1 when it found something.
fuzz() {
    local name=$1 max_len=$2
    local corpus=$build/corpus/$name
    local log=$build/fuzz_$name.log
    mkdir -p "$corpus"
    cp "$root"/fuzz/corpus/"$name"/* "$corpus"/

    # UBSan checks are recoverable in this build; halt_on_error makes a finding a crash.
    local status=0
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$build/fuzz/fuzz_$name" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1 || status=$?

    stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -n 1; }
    local last cov ft files crash
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    files=$(find "$corpus" -type f | wc -l)

    if [ "$status" -ne 0 ]; then
        tail -n 40 "$log" >&2
        crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
        echo "fuzz_$name: FAILED (exit $status) after $(stat number_of_executed_units) runs;" \
            "input: ${crash:-none written}; log: $log"
        return 1
    fi
    echo "fuzz_$name: ok, ${seconds} s, $(stat number_of_executed_units) runs," \
        "$(stat average_exec_per_sec) exec/s, cov ${cov:-?}, ft ${ft:-?}," \
        "corpus $files files, peak $(stat peak_rss_mb) MB, 0 crashes"
}

failed=0
for name in "${targets[@]}"; do
    fuzz "$name" "${longest[$name]}" || failed=1
done
exit "$failed"

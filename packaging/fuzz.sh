#!/bin/sh
# Build the libFuzzer targets of tests/fuzz with clang and run each of them in turn.
#
#   packaging/fuzz.sh [SECONDS]   run every target for SECONDS (default 60), one at a time
#
# FUZZ_BUILD_DIR (default: build-fuzz), JOBS (default: the number of cores) and TARGETS (default:
# all four) can be set; FUZZ_ARGS is passed on to every run (e.g. FUZZ_ARGS=-runs=10000000).
# FUZZ_SANITIZERS picks the sanitizers (CMake's HOPSCOPE_FUZZ_SANITIZERS): "address" (default,
# ASan + UBSan) or "fast" (UBSan + LeakSanitizer without ASan, 1.3 to 2 times the executions per
# CPU second, for long campaigns; use a build directory of its own, e.g.
# FUZZ_SANITIZERS=fast FUZZ_BUILD_DIR=build-fuzz-fast, and give each target some "address" time
# too, since only ASan sees an out-of-bounds access that does not crash).
# Inputs are cut at 4096 bytes (-max_len): a long input costs the time of many short ones, and
# the size guards for large files have test rows of their own (tst_designio, tst_squidconfig);
# FUZZ_ARGS=-max_len=N overrides it.
# Corpora grow in $FUZZ_BUILD_DIR/corpus/<target>, seeded from resources/examples and
# tests/data; crashes land in $FUZZ_BUILD_DIR/findings/<target>.
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$src/build-fuzz}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
seconds=${1:-60}
targets=${TARGETS:-"fuzz_design_reader fuzz_design_roundtrip fuzz_squid_config fuzz_access_log"}

# clang and its libFuzzer/sanitizer runtimes, on top of what packaging/dev.sh installs.
packages="clang libclang-rt-14-dev"
missing=""
for package in $packages; do
    dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$' \
        || missing="$missing $package"
done
if [ -n "$missing" ]; then
    echo "Installing:$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi
"$src/packaging/dev.sh" deps

cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHOPSCOPE_FUZZ=ON \
    -DHOPSCOPE_FUZZ_SANITIZERS="${FUZZ_SANITIZERS:-address}" \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++
# shellcheck disable=SC2086
cmake --build "$build" -j "$jobs" --target $targets

# Seeds: every input of that kind the repository has.
seed() {
    dir="$build/corpus/$1"
    mkdir -p "$dir"
    shift
    for file in "$@"; do
        cp "$file" "$dir/seed-$(basename "$(dirname "$file")")-$(basename "$file")"
    done
}
seed fuzz_design_reader "$src"/resources/examples/*.hopscope.yaml "$src"/tests/data/io/*.yaml
seed fuzz_design_roundtrip "$src"/resources/examples/*.hopscope.yaml "$src"/tests/data/io/*.yaml
seed fuzz_squid_config "$src"/resources/examples/squid.conf "$src"/tests/data/squid/squid.conf
seed fuzz_access_log "$src"/tests/data/squid/access.log

for target in $targets; do
    dict=""
    case $target in
    fuzz_design_*) dict="-dict=$src/tests/fuzz/design.dict" ;;
    fuzz_squid_config) dict="-dict=$src/tests/fuzz/squid.dict" ;;
    esac
    mkdir -p "$build/findings/$target"
    echo "== $target: $seconds s"
    # A leak, a sanitizer report, a crash or an input slower than 10 s stops the run with a
    # non-zero status; the input is kept under findings/.
    # Allocation stacks are not recorded (3x the speed on the allocation-heavy log reader);
    # re-run the target on a finding to see them.
    # shellcheck disable=SC2086
    ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0} \
    LSAN_OPTIONS=${LSAN_OPTIONS:-malloc_context_size=0} \
        "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -max_len=4096 -print_final_stats=1 -artifact_prefix="$build/findings/$target/" \
        $dict ${FUZZ_ARGS:-} "$build/corpus/$target"
done

#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang, AddressSanitizer +
# UndefinedBehaviorSanitizer) into build-fuzz/ and runs each for SECONDS
# (default 3600) on its seed corpus, tests/fuzz/corpus/<target>, plus what
# earlier runs found (build-fuzz/corpus/<target>). Crash inputs land in
# build-fuzz/crashes/<target>/; logs in build-fuzz/logs/. Prints one line per
# target (seconds, executions, crashes) and exits 1 when any target crashed.
# Targets with a token dictionary (tests/fuzz/dict/<target>.dict: fuzz_dates,
# fuzz_dictionaries, fuzz_import) run with -dict=.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 30 fuzz_dates
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-3600}
[ $# -gt 0 ] && shift
all=(fuzz_dates fuzz_codec fuzz_dictionaries fuzz_reader fuzz_extract fuzz_import fuzz_rpc fuzz_snapshot)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

scripts/deps.sh fuzz
# The tests are configured too (not built here): scripts/sanitize.sh address
# --bounded builds and runs them in this same tree, on the same libraries.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DKG_FUZZ=ON -DKG_BUILD_TESTS=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"

mkdir -p build-fuzz/logs
failed=0
printf '%-20s %8s %12s %8s\n' target seconds executions crashes
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t" "build-fuzz/crashes/$t"
  log="build-fuzz/logs/$t.log"
  start=$(date +%s)
  before=$(find "build-fuzz/crashes/$t" -type f | wc -l)
  rc=0
  # A token dictionary (tests/fuzz/dict/<target>.dict) where the input is
  # text with keywords: libFuzzer splices its tokens in as mutations.
  dict=()
  [ -f "tests/fuzz/dict/$t.dict" ] && dict=("-dict=tests/fuzz/dict/$t.dict")
  # One process, stopping at the first crash; -timeout: an input taking
  # longer than 20 s counts as a hang (a crash).
  ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
  "build-fuzz/bin/$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/crashes/$t/" ${dict[@]+"${dict[@]}"} \
    "build-fuzz/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1 || rc=$?
  took=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  crashes=$(( $(find "build-fuzz/crashes/$t" -type f | wc -l) - before ))
  [ "$rc" -ne 0 ] && failed=1
  printf '%-20s %8s %12s %8s%s\n' "$t" "$took" "$execs" "$crashes" "$([ "$rc" -ne 0 ] && echo "  FAILED (exit $rc): see $log")"
done
exit $failed

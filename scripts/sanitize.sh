#!/usr/bin/env bash
# Builds and runs the tests under sanitizers. scripts/test.sh (and so CI)
# runs "address --inputs" and "thread --bounded"; the other modes are on
# demand (scripts/test.sh --reliability runs "address" and "thread"):
#   scripts/sanitize.sh [address]   AddressSanitizer + UndefinedBehaviorSanitizer,
#                                   every ctest test, in build-asan/
#   scripts/sanitize.sh address --bounded
#                                   the same sanitizers in build-fuzz/, the clang
#                                   tree scripts/fuzz.sh builds (its libraries are
#                                   reused: only the tests and tools are added),
#                                   every test but the slow ones named in
#                                   $asan_slow below. On demand: not in
#                                   scripts/test.sh (README)
#   scripts/sanitize.sh address --inputs
#                                   the same sanitizers and tree, only the
#                                   tests of hostile input and of the store's
#                                   open and recovery paths ($asan_inputs
#                                   below: date, dictionary, reader, importer
#                                   line parsers, storage codec and store,
#                                   snapshot file loader), building only their
#                                   five test binaries. Run by scripts/test.sh
#                                   after scripts/fuzz.sh 10, whose tree it
#                                   reuses (times: README)
#   scripts/sanitize.sh thread      ThreadSanitizer, the concurrent tests (rpc,
#                                   snapshot holder, ingest, the engine's write
#                                   lock, kg import's loader
#                                   thread: LoadPipeline) and the kgd soak's
#                                   --race profile (ctest kgd_soak_race, 20 s),
#                                   in build-tsan/, then that soak again for
#                                   $KG_SOAK_SECONDS (default 120) s
#   scripts/sanitize.sh thread --bounded
#                                   the ctest part alone, without the one test
#                                   that makes a query slow on purpose (about 4
#                                   minutes under TSan): what scripts/test.sh
#                                   runs by default
# A finding fails its test (the sanitizers abort on the first report).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-address}
bounded=${2:-}
scripts/deps.sh
# Left out of the bounded ASan run, with why (each still runs in the ordinary
# build, and under ASan in scripts/sanitize.sh address). Chosen from the
# ordinary build's ctest costs (build/Testing/Temporary/CTestCostData.txt):
# the slowest there, together about 710 of its 1160 s of test time (measured
# with other builds running on the 2 cores); about 460 s remain.
#   ^Fault: ^Crash: ^kill_rounds   spawn hundreds of kg runs each (fault sweeps
#                                  455 s, kill rounds 65 s, kill points 30 s);
#                                  the code they drive is the commands the
#                                  other CLI tests run once each
#   ^kgd_soak$                     its throughput and timeout checks assume an
#                                  unsanitized kgd
#   made slow on purpose           its point is a query slow enough to hit a
#                                  deadline (22 s)
#   ICEWS18                        import or query the 468K events of ICEWS18
#                                  (13-19 s each)
#   progress on a terminal         kg import's progress display (11 s)
#   ^Ingestor: (with )?kNamed      ingest the seeds several times (19 s each)
#   ^kg --remote: query commands   every query command through kgd (18 s)
asan_slow='^Fault:|^Crash:|^kill_rounds|^kgd_soak$|made slow on purpose|ICEWS18|progress on a terminal|^Ingestor: (with )?kNamed|^kg --remote: query commands'

# The --inputs profile: every test of base_tests and storage_tests (dates,
# write faults, the codec's decoders, the store's open, creation, recovery and
# bulk loads), and the parsing tests of the others: import line parsers
# (Importer, column maps, events_named), the snapshot file loader and change
# log, the reader, segmenter, normalizer, sentence splitter, datelines, dates
# and every dictionary loader. Their slow cases ($asan_slow) stay out.
asan_inputs_targets=(base_tests storage_tests core_tests graph_tests extract_tests)
asan_inputs='^(Date|DateRange|Result|Status|WriteFaults?|editDistance|BulkLoader|Codec|FaultFs|GraphStore|Merge|RocksStore|WriteBatch|Importer|parseColumnMap|namedActors|SnapshotFile|ChangeLog|Reader|Segmenter|Normalizer|Sentences|Dateline|Dates|Dictionary|AgentDictionary|VerbDictionary|DiscardList|parse[A-Za-z]*)[: (]'

case "$mode" in
  address)
    if [ "$bounded" = --inputs ]; then
      scripts/deps.sh fuzz
      dir=build-fuzz
      cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 \
        -DCMAKE_CXX_COMPILER=clang++-14 -DKG_FUZZ=ON -DKG_BUILD_TESTS=ON >/dev/null
      cmake --build "$dir" -j"$(nproc)" --target "${asan_inputs_targets[@]}"
      export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
      export LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp:print_suppressions=0
      export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
      cd "$dir" && ctest --output-on-failure -j"$(nproc)" --timeout 1800 -R "$asan_inputs" -E "$asan_slow"
      exit
    fi
    if [ "$bounded" = --bounded ]; then
      scripts/deps.sh fuzz
      dir=build-fuzz
      cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 \
        -DCMAKE_CXX_COMPILER=clang++-14 -DKG_FUZZ=ON -DKG_BUILD_TESTS=ON >/dev/null
      cmake --build "$dir" -j"$(nproc)"
      export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
      export LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp:print_suppressions=0
      export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
      cd "$dir" && ctest --output-on-failure -j"$(nproc)" --timeout 1800 -E "$asan_slow"
      exit
    fi
    dir=build-asan
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKG_SANITIZE=address,undefined >/dev/null
    cmake --build "$dir" -j"$(nproc)"
    # Leaks are reported too; the suppressions name third-party allocations
    # made once per process.
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
    export LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp:print_suppressions=0
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    cd "$dir" && ctest --output-on-failure -j"$(nproc)" --timeout 1800
    ;;
  thread)
    dir=build-tsan
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKG_SANITIZE=thread >/dev/null
    cmake --build "$dir" -j"$(nproc)" --target rpc_tests graph_tests core_tests kg kgd kg_example_client kgd_soak
    export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/scripts/tsan.supp
    # kgd_soak's default profile is left out: under TSan kgd answers a few
    # calls a second, so its timeout checks (half frames, abandoned
    # connections) cannot hold; kgd_soak_race is its profile for TSan.
    exclude='^kgd_soak$'
    [ "$bounded" = --bounded ] && exclude='^kgd_soak$|made slow on purpose'
    (cd "$dir" && ctest --output-on-failure -j"$(nproc)" --timeout 1800 -E "$exclude" \
      -R '^(Server|Client|FrameMeter|kgd|kg --remote|LocalGraph|WorkerPool|SnapshotHolder|Ingestor|LoadPipeline|ProgressRelay|LoopInbox|Engine)')
    [ "$bounded" = --bounded ] || "$dir/bin/kgd_soak" --race --seconds "${KG_SOAK_SECONDS:-120}"
    ;;
  *) echo "usage: scripts/sanitize.sh [address|thread]" >&2; exit 2 ;;
esac

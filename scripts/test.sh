#!/usr/bin/env bash
# The README's second command: installs dependencies, builds, runs every test.
# Tests that read ../shared (seed pages, PETRARCH dictionaries, ICEWS rows)
# fail, naming the missing path, when it is not beside the repository.
#
# After ctest (which also replays every fuzz corpus and runs the bounded
# crash, fault and soak tests) it runs each libFuzzer target for 10 s under
# ASan+UBSan (scripts/fuzz.sh 10, about 3 minutes with the clang build; a
# crash fails the run), then the concurrent tests under ThreadSanitizer
# (scripts/sanitize.sh thread --bounded, about 6 minutes with its build).
# (scripts/sanitize.sh thread --bounded includes kgd_soak_race: the kgd soak's
# TSan profile, concurrent query, paged-listing and ingest clients, 20 s.)
# The default run took 1461 s (24 min) in CI, beyond its ~20-minute rule, so
# nothing heavier is added to it. Not run here: scripts/sanitize.sh address
# --bounded (the suite under ASan+UBSan in build-fuzz/, minus the slow tests
# it names), estimated at some 20 more minutes, and scripts/sanitize.sh
# address --inputs (only the tests of hostile input and of the store's open
# and recovery paths, same tree; 171 tests, clean): measured at 72 build steps
# and 293 s of test time (156 s with -j2) over scripts/fuzz.sh 10, 377 s of
# CPU, some 3 to 4 minutes on an idle 2-core runner (README, "Fuzzing and
# sanitizers").
# scripts/test.sh --reliability   runs the long profile instead: every fuzz
# target for 30 s, then the whole suite under ASan+UBSan and all the
# concurrent tests under TSan (scripts/sanitize.sh), about 40 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ../shared/data ] || echo "test.sh: ../shared/data is missing; the tests that read it will fail" >&2
scripts/deps.sh
scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)" --timeout 600)
if [ "${1:-}" = --reliability ]; then
  scripts/fuzz.sh 30
  scripts/sanitize.sh address
  scripts/sanitize.sh thread
else
  scripts/fuzz.sh 10
  scripts/sanitize.sh thread --bounded
fi

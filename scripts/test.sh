#!/usr/bin/env bash
# The README's second command: installs dependencies, builds, runs every test.
# Tests that read ../shared (seed pages, PETRARCH dictionaries, ICEWS rows)
# fail, naming the missing path, when it is not beside the repository.
#
# scripts/test.sh --reliability   also runs the long reliability profile
# afterwards: every fuzz target for 30 s on its corpus (scripts/fuzz.sh), the
# whole suite under ASan+UBSan and the concurrent tests under TSan
# (scripts/sanitize.sh).
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
fi

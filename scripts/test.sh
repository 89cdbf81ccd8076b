#!/usr/bin/env bash
# The README's second command: installs dependencies, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
cd build && ctest --output-on-failure -j"$(nproc)" --timeout 600

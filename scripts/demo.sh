#!/usr/bin/env bash
# The README's first command: installs dependencies, builds, ingests the
# examples corpus into an embedded database (demo.db in the project root,
# recreated each run) and answers a path and a neighbourhood query.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
export KG_DB="$PWD/demo.db"
rm -rf "$KG_DB"
kg=build/bin/kg
run() { echo; echo "\$ kg $*"; "$kg" "$@"; }
run ingest examples/corpus
run path "Mike Pompeo" "Qassem Soleimani"
run neighbors "Kataib Hezbollah" --depth 1 --from 2019-12-01 --to 2020-01-31
# one event reported by two articles: one edge, its date basis and its number of sources
run edges --actor "Qassem Soleimani" --type ASSAULT
run stats

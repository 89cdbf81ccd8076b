#!/bin/sh
# Builds the benchmarks and runs them: bulk import of ICEWS18 and GDELT
# (kg import), then query_bench on those graphs and on generated power-law
# graphs, with igraph / networkx / SQLite (bench/peers.py) in the same run.
# Prints JSON lines on stdout and, at the end, issue 9's table (bench/table.py,
# Markdown) on stderr; about 10-15 minutes and under 8 GiB on 2 cores.
#
#   bench/run.sh [BUILD_DIR]        (default: build-bench beside this script's repo)
# Environment: KG_BUILD_TYPE (Release), KG_SHARED (default ../shared beside the repo), KG_BENCH_WORK
# (scratch space, default /tmp/kg-bench-$$, removed at the end), PYTHON (/usr/bin/python3).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-bench}
shared=${KG_SHARED:-$root/../shared}
work=${KG_BENCH_WORK:-/tmp/kg-bench-$$}
python=${PYTHON:-/usr/bin/python3}
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
# Every JSON line goes to stdout and to $work/run.jsonl, which bench/table.py
# reads at the end (through a file, so that a benchmark that fails still
# stops the run under set -e).
run() {
  "$@" > "$work/part.jsonl"
  cat "$work/part.jsonl"
  cat "$work/part.jsonl" >> "$work/run.jsonl"
}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${KG_BUILD_TYPE:-Release}" -DKG_BUILD_BENCHMARKS=ON >&2
cmake --build "$build" -j2 --target kg query_bench rpc_bench batch_bench >&2

# Bulk import: kg's summary (events_per_second), SQLite loading the same rows
# (bench/import_peer.py) and the ratio, one JSON line each; leaves the two
# databases for the query benchmarks below.
run "$root/bench/import_bench.sh" "$build" "$work"
# Importing the same data again adds nothing; this measures that path too.
"$build/bin/kg" --db "$work/icews18.db" --json import --format tkg "$shared/data/tkg/icews18" > "$work/reimport.json"
run "$python" -c 'import json,sys; d=json.load(sys.stdin); d["bench"]="reimport"; d["graph"]="icews18"; print(json.dumps(d))' \
  < "$work/reimport.json"

# synth1m (100K actors, 1M edges) is the graph networkx is measured on; on
# synth10m (1M actors, 10M edges) networkx is skipped (memory/time), igraph and
# SQLite run. synth10m is also bulk-loaded into RocksDB to time that and the
# snapshot build from the store.
run "$build/bin/query_bench" \
  --store "icews18=$work/icews18.db" --store "gdelt=$work/gdelt.db" \
  --synthetic "synth1m=100000:1000000" \
  --synthetic "synth10m=1000000:10000000:store" \
  --queries 1000 --paths 300 --sqlite-queries 200 \
  --peers "$root/bench/peers.py" --python "$python" --work "$work"

# RPC: resolve calls/s through rpc::Server on loopback for 1, 4 and 16 clients,
# beside the same calls in process, and the latency a call gains; then the
# latency again with client and server pinned to different CPUs (--split-cpus:
# every call wakes a thread on the other CPU, the slow placement the scheduler
# picks in some runs; engine/rpc/README.md, "RPC latency").
run "$build/bin/rpc_bench" --seconds 5
run "$build/bin/rpc_bench" --seconds 5 --clients 1 --split-cpus

# Writes: N edges in one WriteBatch beside the same edges in batches of 1,000 (CPU seconds).
run "$build/bin/batch_bench"

echo "" >&2
"$python" "$root/bench/table.py" < "$work/run.jsonl" >&2

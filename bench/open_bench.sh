#!/bin/sh
# Wall clock of fresh `kg` processes answering a path and a 2-hop neighbourhood
# question on one database: without the snapshot file (KG_BEFORE, a kg built
# before it, when given), with it cold (no file: the process rebuilds and
# saves it) and warm (the file is current), `kg stats` as the floor (it needs
# no snapshot), and the same questions through kgd (kg --remote) beside them.
# The 2-hop question is asked twice: as a table (neighbors2: 500 rows shown,
# the rest counted) and with --json (neighbors2-json: every edge printed).
# Then bench/snapshot_bench: file size, bytes per edge, open costs, and how
# much of the file the 2-hop query touches. Prints JSON lines on stdout.
#
#   bench/open_bench.sh DB FROM TO ACTOR [BUILD_DIR]
#   e.g. bench/open_bench.sh /tmp/gd.db IRAN "UNITED STATES" IRAN build
# Environment: KG_BEFORE (path of an older kg binary), RUNS (3: median of),
# ARTICLE, ARTICLE2 (files or directories of articles not yet in DB): with ARTICLE, after the
# runs above, `kg ingest ARTICLE` into DB (its file current), then the first
# fresh process's path and 2-hop question ("after-ingest1": the file plus the
# change log, issue 9's "next query after one article"), and the next ones;
# with ARTICLE2 too, kgd ingests it (kg --remote ingest) and answers the same
# questions (its snapshot merged with the change log, not rebuilt).
# Writes DB/graph.snapshot (what kg itself would write); needs no write lock
# unless ARTICLE is given (then DB gains the article).
set -eu
db=$1 from=$2 to=$3 actor=$4
root=$(cd "$(dirname "$0")/.." && pwd)
build=${5:-$root/build}
kg=$build/bin/kg
kgd=$build/bin/kgd
runs=${RUNS:-3}
before=${KG_BEFORE:-}

now() { date +%s.%N; }
# Seconds one run of "$@" takes (output discarded; a failure stops the script).
timed() {
  t0=$(now)
  "$@" >/dev/null
  t1=$(now)
  echo "$t1 - $t0" | bc -l | awk '{printf "%.3f\n", $1}'
}
# Median of $runs runs.
median() {
  i=0
  : >"$tmp/times"
  while [ "$i" -lt "$runs" ]; do
    timed "$@" >>"$tmp/times"
    i=$((i + 1))
  done
  sort -n "$tmp/times" | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'
}
emit() { # system query seconds
  printf '{"bench":"open","db":"%s","system":"%s","query":"%s","seconds":%s,"runs":%s}\n' "$db" "$1" "$2" "$3" "$runs"
}

tmp=$(mktemp -d)
kgd_pid=
cleanup() {
  [ -n "$kgd_pid" ] && kill "$kgd_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

emit kg stats "$(median "$kg" --db "$db" stats)"
if [ -n "$before" ]; then
  emit kg-before stats "$(median "$before" --db "$db" stats)"
  emit kg-before path "$(median "$before" --db "$db" path "$from" "$to")"
  emit kg-before neighbors2 "$(median "$before" --db "$db" neighbors "$actor" --depth 2)"
  emit kg-before neighbors2-json "$(median "$before" --db "$db" --json neighbors "$actor" --depth 2)"
fi
rm -f "$db/graph.snapshot"
emit kg-cold path "$(timed "$kg" --db "$db" path "$from" "$to")"
emit kg-warm path "$(median "$kg" --db "$db" path "$from" "$to")"
rm -f "$db/graph.snapshot"
emit kg-cold neighbors2 "$(timed "$kg" --db "$db" neighbors "$actor" --depth 2)"
emit kg-warm neighbors2 "$(median "$kg" --db "$db" neighbors "$actor" --depth 2)"
emit kg-warm neighbors2-json "$(median "$kg" --db "$db" --json neighbors "$actor" --depth 2)"

article=${ARTICLE:-}
if [ -n "$article" ]; then
  "$kg" --db "$db" path "$from" "$to" >/dev/null  # the file is current before the write
  emit kg ingest1 "$(timed "$kg" --db "$db" ingest "$article")"
  emit kg-after-ingest1 path "$(timed "$kg" --db "$db" path "$from" "$to")"
  emit kg-after-ingest1 neighbors2 "$(timed "$kg" --db "$db" neighbors "$actor" --depth 2)"
  emit kg-after-ingest1-again path "$(median "$kg" --db "$db" path "$from" "$to")"
  emit kg-after-ingest1-again neighbors2 "$(median "$kg" --db "$db" neighbors "$actor" --depth 2)"
  emit kg-after-ingest1 stats "$(median "$kg" --db "$db" stats)"
fi

# kgd: the same questions through a running server (its snapshot already built).
"$kgd" --db "$db" --listen 127.0.0.1:0 >"$tmp/kgd.out" 2>"$tmp/kgd.err" &
kgd_pid=$!
i=0
while ! grep -q "listening on" "$tmp/kgd.out" 2>/dev/null; do
  i=$((i + 1))
  if [ "$i" -gt 6000 ] || ! kill -0 "$kgd_pid" 2>/dev/null; then
    echo "open_bench: kgd did not start: $(cat "$tmp/kgd.err")" >&2
    exit 1
  fi
  sleep 0.1
done
addr=$(sed -n 's/^listening on //p' "$tmp/kgd.out")
emit kgd-remote stats "$(median "$kg" --remote "$addr" stats)"
emit kgd-remote path "$(median "$kg" --remote "$addr" path "$from" "$to")"
emit kgd-remote neighbors2 "$(median "$kg" --remote "$addr" neighbors "$actor" --depth 2)"
emit kgd-remote neighbors2-json "$(median "$kg" --remote "$addr" --json neighbors "$actor" --depth 2)"
if [ -n "${ARTICLE2:-}" ]; then
  # kgd merges the ingest's changes into its snapshot before answering again.
  emit kgd-remote ingest1 "$(timed "$kg" --remote "$addr" ingest "$ARTICLE2")"
  emit kgd-after-ingest1 path "$(timed "$kg" --remote "$addr" path "$from" "$to")"
  emit kgd-after-ingest1 neighbors2 "$(timed "$kg" --remote "$addr" neighbors "$actor" --depth 2)"
fi
kill "$kgd_pid"
wait "$kgd_pid" 2>/dev/null || true
kgd_pid=

"$build/bin/snapshot_bench" --db "$db" --actor "$actor" --from "$from" --to "$to"

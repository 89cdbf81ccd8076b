#!/bin/sh
# CPU and wall seconds of a fresh `kg ingest ARTICLE` process into a copy of
# DB, with each way of telling the extractor the stored actors
# (`--known-actors named`, the default, and `--known-actors all`), side by
# side in one run, and whether both copies end with the same graph (stats and
# every actor; the edges of the actors the article touched are compared by
# the stats' per-type counts). Prints JSON lines on stdout.
#
#   bench/ingest_one.sh DB ARTICLE [BUILD_DIR]
#   e.g. after `query_bench --synthetic synth10m=1000000:10000000:store --keep-stores --work /tmp/w`:
#        bench/ingest_one.sh /tmp/w/synth10m.db ../shared/seeds/000_d28f87548be35c30.txt
# Environment: RUNS (2: runs per mode, each into a fresh copy), KG (the kg
# binary; default BUILD_DIR/bin/kg), WORK (scratch space for the copies,
# default a mktemp directory; needs twice DB's size).
set -eu
db=$1 article=$2
root=$(cd "$(dirname "$0")/.." && pwd)
build=${3:-$root/build}
kg=${KG:-$build/bin/kg}
runs=${RUNS:-2}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
trap 'rm -rf "$work/copy"' EXIT

for mode in named all; do
  i=0
  while [ "$i" -lt "$runs" ]; do
    rm -rf "$work/copy"
    cp -r "$db" "$work/copy"
    rm -f "$work/copy/graph.snapshot"  # kg ingest does not read it; the copy need not carry it
    /usr/bin/time -f '%U %S %e' -o "$work/time" "$kg" --db "$work/copy" --json ingest --known-actors "$mode" "$article" \
      >"$work/summary.json"
    read -r user sys wall <"$work/time"
    new=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["articlesStored"], d["actorsNew"], d["actorsKnown"], d["edgesNew"])' "$work/summary.json")
    set -- $new
    printf '{"bench":"ingest_one","db":"%s","article":"%s","known_actors":"%s","run":%s,"cpu_seconds":%.2f,"wall_seconds":%s,"articles":%s,"actors_new":%s,"actors_known":%s,"edges_new":%s}\n' \
      "$db" "$article" "$mode" "$i" "$(echo "$user + $sys" | bc -l)" "$wall" "$1" "$2" "$3" "$4"
    if [ "$i" -eq 0 ]; then
      "$kg" --db "$work/copy" --json stats | python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("db",None); print(json.dumps(d,sort_keys=True))' >"$work/stats.$mode"
      "$kg" --db "$work/copy" --json actors | md5sum >"$work/actors.$mode" || echo none >"$work/actors.$mode"
    fi
    i=$((i + 1))
  done
done
same=false
cmp -s "$work/stats.named" "$work/stats.all" && cmp -s "$work/actors.named" "$work/actors.all" && same=true
printf '{"bench":"ingest_one","db":"%s","article":"%s","same_graph":%s}\n' "$db" "$article" "$same"

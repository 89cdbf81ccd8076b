#!/bin/sh
# kg import's speed on ICEWS18 and GDELT (the TKG folders of ../shared/data/tkg,
# every row and its CAMEO code kept) beside SQLite loading the same rows
# (bench/import_peer.py) in the same run, alternating kg and the peer.
# Prints JSON lines: kg's import summary (events_per_second, cpu_seconds), the
# peer's, and {"bench":"import_ratio",...}: kg's rate over SQLite's, by wall
# clock and per CPU second, and whether kg meets the 500K events/s target.
#
#   bench/import_bench.sh BUILD_DIR WORK_DIR [ROUNDS]   (ROUNDS: 1 by default)
# Leaves WORK_DIR/icews18.db and WORK_DIR/gdelt.db (kg's, from the last round)
# for the query benchmarks of bench/run.sh. Environment: KG_SHARED, PYTHON.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=$1
work=$2
rounds=${3:-1}
shared=${KG_SHARED:-$root/../shared}
python=${PYTHON:-/usr/bin/python3}
mkdir -p "$work"
for set in icews18 gdelt; do
  r=1
  while [ "$r" -le "$rounds" ]; do
    rm -rf "$work/$set.db"
    kgline=$("$build/bin/kg" --db "$work/$set.db" --json import --format tkg "$shared/data/tkg/$set" \
      | "$python" -c 'import json,sys; d=json.load(sys.stdin); d["bench"]="import"; d["graph"]=sys.argv[1]; d["system"]="kg"; d.pop("examples",None); print(json.dumps(d))' "$set")
    echo "$kgline"
    peerline=$("$python" "$root/bench/import_peer.py" "$shared/data/tkg/$set" "$work/$set.sqlite" "$set")
    rm -f "$work/$set.sqlite"
    echo "$peerline"
    "$python" - "$kgline" "$peerline" "$set" "$r" <<'PY'
import json, sys
k, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
# Wall-clock rates, and rates per CPU second (what a busy, shared machine
# distorts least: kg's import runs its parse and write stages on two threads,
# so its CPU seconds may exceed its wall seconds on an idle machine).
kcpu = k["rows"] / k["cpu_seconds"] if k.get("cpu_seconds") else 0
pcpu = p["rows"] / p["cpu_seconds"] if p.get("cpu_seconds") else 0
print(json.dumps({"bench": "import_ratio", "graph": sys.argv[3], "round": int(sys.argv[4]),
                  "kg_events_per_second": k["events_per_second"], "sqlite_events_per_second": p["events_per_second"],
                  "ratio": round(k["events_per_second"] / p["events_per_second"], 2),
                  "kg_events_per_cpu_second": round(kcpu), "sqlite_events_per_cpu_second": round(pcpu),
                  "cpu_ratio": round(kcpu / pcpu, 2) if pcpu else None,
                  "target": 500000, "meets_target": k["events_per_second"] >= 500000}))
PY
    r=$((r + 1))
  done
done

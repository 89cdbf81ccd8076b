#!/bin/sh
# Issue 9's "after `kg ingest` of one article into the 10M-edge database, the
# next query sees the article and still answers within 1 s", as repeated
# trials of fresh `kg` processes, with `kg stats` as the floor and, when KG2
# is set, a second kg binary (the peer: e.g. the previous commit's) measured
# in the same trials on the same copy, in alternating order.
#
#   bench/after_ingest.sh DB ARTICLE MODE [BUILD_DIR]
#   e.g. KG2=/tmp/kg-before bench/after_ingest.sh /tmp/w/synth10m.db examples/corpus/03_soleimani_killed.txt now
#
# Each trial: a fresh copy of DB (whose graph.snapshot must be current), then
# for each binary `kg stats` (the floor: it maps the file as every query does,
# and counts every actor; a kg that verifies the file once per version reads
# the copy whole here, and only here); `kg ingest ARTICLE` (by KG); then for
# each binary QUERY1 (the first query after the ingest: it merges the article
# into the mapped file, graph/README.md "The overlay"; the trial fails unless
# its output names SEEN1), QUERY2 (SEEN2) and QUERY3. Neither binary folds the
# overlay into the file (one article is far below the fold ratio), so both
# find the same stale file and change log. Before every timed process the
# machine is put in the state MODE names: now (nothing), cold (the page cache
# dropped: needs root), idle (PAUSE seconds of sleep: long enough for an idle
# VM to hand its free memory back to the host, whose pages then cost more to
# use again), coldidle (both). Prints one JSON line per process on stdout.
#
# Environment: TRIALS (3), PAUSE (60), KG (default BUILD_DIR/bin/kg), KG2
# (none), WORK (scratch space for the copy, default a mktemp directory; needs
# DB's size), QUERY1 ('neighbors Iraq --depth 2'), SEEN1, QUERY2 ('path
# "Qassem Soleimani" Iraq'), SEEN2, QUERY3 ('path "actor 1000" "actor 2000"':
# the synthetic store's actors; '' to skip). SEEN1 and SEEN2 default to the
# title of examples/corpus/03_soleimani_killed.txt.
set -eu
db=$1 article=$2 mode=$3
root=$(cd "$(dirname "$0")/.." && pwd)
build=${4:-$root/build}
kg=${KG:-$build/bin/kg}
kg2=${KG2:-}
trials=${TRIALS:-3}
pause=${PAUSE:-60}
work=${WORK:-$(mktemp -d)}
. "$root/bench/after_ingest_queries.sh"
case $mode in now | idle | cold | coldidle) ;; *) echo "after_ingest: MODE is now, idle, cold or coldidle" >&2; exit 2 ;; esac
mkdir -p "$work"
trap 'rm -rf "$work/copy"' EXIT

prepare() {
  case $mode in cold | coldidle)
    sync
    echo 3 >/proc/sys/vm/drop_caches || { echo "after_ingest: cannot drop the page cache (not root?)" >&2; exit 1; } ;;
  esac
  case $mode in idle | coldidle) sleep "$pause" ;; esac
}

# Runs the kg binary $1 with the words of $3 on the copy; prints a JSON line
# labelled $2; exit status 3 (no path) counts as an answer.
timed() {
  bin=$1 label=$2
  eval "set -- $3"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %R' -o "$work/time" "$bin" --db "$work/copy" "$@" >"$work/out" || [ $? -eq 3 ]
  read -r wall user sys minflt <"$work/time"
  printf '{"bench":"after_ingest","bin":"%s","mode":"%s","trial":%s,"step":"%s","wall_seconds":%s,"cpu_seconds":%.2f,"user_seconds":%s,"sys_seconds":%s,"minor_faults":%s,"load_before":"%s","load_after":"%s"}\n' \
    "$bin" "$mode" "$i" "$label" "$wall" "$(echo "$user + $sys" | bc -l)" "$user" "$sys" "$minflt" "$load" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}

i=0
while [ "$i" -lt "$trials" ]; do
  rm -rf "$work/copy"
  cp -r "$db" "$work/copy"
  sync
  # Older than kVerifySettle (2 s), as a user's database is: the first open
  # (the floor) reads the copied file whole and records it, and the processes
  # after it trust the record (graph/README.md, "Verified once").
  sleep 3
  # Alternate which binary goes first.
  if [ -n "$kg2" ] && [ $((i % 2)) -eq 1 ]; then bins="$kg2 $kg"; else bins="$kg $kg2"; fi
  for b in $bins; do
    prepare
    timed "$b" stats stats
  done
  timed "$kg" ingest "ingest '$article'"
  for b in $bins; do
    prepare
    timed "$b" query1 "$query1"
    grep -q -- "$seen1" "$work/out" || { echo "after_ingest: $b's first query does not show '$seen1'" >&2; exit 1; }
    prepare
    timed "$b" query2 "$query2"
    grep -q -- "$seen2" "$work/out" || { echo "after_ingest: $b's second query does not show '$seen2'" >&2; exit 1; }
    if [ -n "$query3" ]; then
      prepare
      timed "$b" query3 "$query3"
    fi
  done
  i=$((i + 1))
done

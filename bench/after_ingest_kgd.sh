#!/bin/sh
# bench/after_ingest.sh's question asked of kgd: after one article is ingested
# through a running kgd (`kg --remote ADDR ingest ARTICLE`), what does kgd
# spend bringing its in-memory snapshot up to date (graph/README.md, "kgd
# without copying"), and how soon does the next query answer? When KGD2 is
# set, a second kgd binary (the peer: e.g. the previous commit's) is measured
# in the same trials, each kgd on its own fresh copy of DB, in alternating
# order.
#
#   bench/after_ingest_kgd.sh DB ARTICLE [BUILD_DIR]
#   e.g. KGD2=/tmp/kgd-before bench/after_ingest_kgd.sh /tmp/w/synth10m.db examples/corpus/03_soleimani_killed.txt
#
# Each trial, for each kgd binary: a fresh copy of DB (whose graph.snapshot
# should be current), kgd started on it (it maps the file at start), then
# `kg --remote stats` (the floor: one round trip); the ingest, timed from the
# client (extraction, commit and the snapshot update all happen inside the
# call, which returns once readers see the article) and by kgd's own CPU time
# and anonymous memory (/proc/PID/stat, /proc/PID/status) before and after;
# then QUERY1 (the first query after the ingest; the trial fails unless its
# output names SEEN1), QUERY2 (SEEN2) and QUERY3 through kgd, and kgd's
# anonymous memory after them. A second ingest of ARTICLE2 (when set) is
# measured the same way. Prints one JSON line per step on stdout.
#
# Environment: TRIALS (3), KG (the client, default BUILD_DIR/bin/kg), KGD
# (default BUILD_DIR/bin/kgd), KGD2 (none), WORK (scratch space for the copy,
# default a mktemp directory; needs DB's size), ARTICLE2 (none), QUERY1
# ('neighbors Iraq --depth 2'), SEEN1, QUERY2 ('path "Qassem Soleimani"
# Iraq'), SEEN2, QUERY3 ('path "actor 1000" "actor 2000"'; '' to skip). SEEN1
# and SEEN2 default to the title of examples/corpus/03_soleimani_killed.txt.
set -eu
db=$1 article=$2
root=$(cd "$(dirname "$0")/.." && pwd)
build=${3:-$root/build}
kg=${KG:-$build/bin/kg}
kgd=${KGD:-$build/bin/kgd}
kgd2=${KGD2:-}
trials=${TRIALS:-3}
work=${WORK:-$(mktemp -d)}
article2=${ARTICLE2:-}
. "$root/bench/after_ingest_queries.sh"
mkdir -p "$work"
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work/copy"
}
trap cleanup EXIT

# kgd's CPU seconds so far (user + system) and its anonymous memory in MB.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat"; }
anon() { awk '/^RssAnon:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }

# Runs the client with the words of $2 against kgd; prints a JSON line
# labelled $1 with kgd's CPU time spent meanwhile and its memory after.
timed() {
  label=$1
  eval "set -- $2"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  c0=$(cpu)
  /usr/bin/time -f '%e' -o "$work/time" "$kg" --remote "$addr" "$@" >"$work/out" 2>"$work/err" || [ $? -eq 3 ] ||
    { cat "$work/err" >&2; exit 1; }
  c1=$(cpu)
  read -r wall <"$work/time"
  printf '{"bench":"after_ingest_kgd","kgd":"%s","trial":%s,"step":"%s","wall_seconds":%s,"kgd_cpu_seconds":%.2f,"kgd_anon_mb":%s,"load_before":"%s","load_after":"%s"}\n' \
    "$bin" "$i" "$label" "$wall" "$(echo "$c1 - $c0" | bc -l)" "$(anon)" "$load" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

queries() {
  timed "$1query1" "$query1"
  grep -q -- "$seen1" "$work/out" || { echo "after_ingest_kgd: $bin's first query does not show '$seen1'" >&2; exit 1; }
  timed "$1query2" "$query2"
  grep -q -- "$seen2" "$work/out" || { echo "after_ingest_kgd: $bin's second query does not show '$seen2'" >&2; exit 1; }
  if [ -n "$query3" ]; then timed "$1query3" "$query3"; fi
}

i=0
while [ "$i" -lt "$trials" ]; do
  if [ -n "$kgd2" ] && [ $((i % 2)) -eq 1 ]; then bins="$kgd2 $kgd"; else bins="$kgd $kgd2"; fi
  for bin in $bins; do
    rm -rf "$work/copy"
    cp -r "$db" "$work/copy"
    sync
    # Emptied first: the redirection below truncates it only once the child
    # runs, and the loop must not read the previous kgd's address.
    rm -f "$work/kgd.out"
    : >"$work/kgd.out"
    "$bin" --db "$work/copy" --listen 127.0.0.1:0 >"$work/kgd.out" 2>"$work/kgd.err" &
    pid=$!
    addr=
    while [ -z "$addr" ]; do
      kill -0 "$pid" 2>/dev/null || { cat "$work/kgd.err" >&2; exit 1; }
      addr=$(sed -n 's/^listening on //p' "$work/kgd.out")
      [ -n "$addr" ] || sleep 0.2
    done
    timed stats stats
    timed ingest "ingest '$article'"
    queries ""
    if [ -n "$article2" ]; then
      timed ingest2 "ingest '$article2'"
      queries "after2_"
    fi
    kill "$pid"
    wait "$pid" || true
    pid=
  done
  i=$((i + 1))
done

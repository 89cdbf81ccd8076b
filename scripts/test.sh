#!/usr/bin/env bash
# The README's second command and what CI runs (.ci/run runs it and nothing
# else, on a clean clone, with a 90-minute limit). Installs dependencies,
# builds, runs every test, then the bounded reliability profile:
#   deps         scripts/deps.sh
#   build        scripts/build.sh (build/, RelWithDebInfo)
#   ctest        every ctest test of build/, -j$(nproc): also replays every
#                fuzz corpus and runs the bounded crash, fault and soak tests
#   fuzz         scripts/fuzz.sh 10: the clang ASan+UBSan tree build-fuzz/
#                and each of the 7 libFuzzer targets for 10 s
#   asan-inputs  scripts/sanitize.sh address --inputs: the tests of hostile
#                input and of the store's open and recovery paths under
#                ASan+UBSan, in build-fuzz/ (its libraries reused)
#   tsan         scripts/sanitize.sh thread --bounded: the concurrent tests
#                and the kgd soak's --race profile under TSan, in build-tsan/
# The project's ~20-minute rule applies to the default test run, deps + build
# + ctest; the reliability profile after it must keep the whole within CI's
# 90 minutes. Each phase prints "test.sh: phase NAME N s (wall), M s CPU
# (user+sys)" as it ends, and a summary with the total follows at exit, also
# when a phase fails (the run still exits nonzero). Measured on a clean clone
# of 2919f85, 2 cores shared with two other builds (load 5.4 median), wall s /
# CPU s: deps 0/0, build 1248/1075, ctest 331/264 (the default run 1579/1339),
# fuzz 585/495, asan-inputs 382/324, tsan 1210/921; total 3756/3079 (63 min,
# within CI's 90). More in README, "Fuzzing and sanitizers".
# Tests that read ../shared (seed pages, PETRARCH dictionaries, ICEWS rows)
# fail, naming the missing path, when it is not beside the repository.
#
# scripts/test.sh --reliability   runs the long profile instead of the bounded
# one: every fuzz target for 30 s, then the whole suite under ASan+UBSan and
# all the concurrent tests under TSan (scripts/sanitize.sh), about 40 minutes
# on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

# Timing: one line per phase as it ends and a summary at exit, success or not,
# on stdout so the CI log has it. Wall seconds from date; CPU seconds are the
# user+sys of the phase's finished child processes (bash's `times`), which on
# a shared machine say more about cost than wall time does.
run_start=$(date +%s)
phase_name=''
phase_start=0
phase_cpu0=0
phase_lines=()
times_file=$(mktemp)
cpu_children() {  # sets cpu_now: user+sys seconds of every finished child so far
  # `times` must run in this shell: in a $(...) subshell it counts only its own.
  times >"$times_file"
  cpu_now=$(awk 'NR == 2 { n = 0
    for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); n += a[1] * 60 + a[2] }
    printf "%d\n", n }' "$times_file")
}
end_phase() {  # end_phase [SUFFIX]: prints and records the current phase's line
  [ -n "$phase_name" ] || return 0
  cpu_children
  local line="test.sh: phase $phase_name $(( $(date +%s) - phase_start )) s (wall), $(( cpu_now - phase_cpu0 )) s CPU (user+sys)${1:-}"
  echo "$line"
  phase_lines+=("$line")
  phase_name=''
}
phase() {  # phase NAME: ends the current phase and starts NAME
  end_phase
  phase_name=$1
  phase_start=$(date +%s)
  cpu_children
  phase_cpu0=$cpu_now
}
on_exit() {
  local rc=$?
  trap - EXIT
  if [ "$rc" -ne 0 ]; then end_phase ", FAILED (exit $rc)"; else end_phase; fi
  echo "test.sh: summary (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
  local l
  for l in "${phase_lines[@]}"; do echo "  $l"; done
  cpu_children
  rm -f "$times_file"
  echo "test.sh: total $(( $(date +%s) - run_start )) s (wall), $cpu_now s CPU (user+sys), $([ "$rc" -eq 0 ] && echo passed || echo "FAILED (exit $rc)")"
  exit "$rc"
}
trap on_exit EXIT

[ -d ../shared/data ] || echo "test.sh: ../shared/data is missing; the tests that read it will fail" >&2
phase deps
scripts/deps.sh
phase build
scripts/build.sh
phase ctest
(cd build && ctest --output-on-failure -j"$(nproc)" --timeout 600)
end_phase
cpu_children
default_line="test.sh: default run (deps + build + ctest; the ~20-minute rule) $(( $(date +%s) - run_start )) s (wall), $cpu_now s CPU (user+sys)"
echo "$default_line"
phase_lines+=("$default_line")
if [ "${1:-}" = --reliability ]; then
  phase fuzz
  scripts/fuzz.sh 30
  phase asan
  scripts/sanitize.sh address
  phase tsan
  scripts/sanitize.sh thread
else
  phase fuzz
  scripts/fuzz.sh 10
  phase asan-inputs
  scripts/sanitize.sh address --inputs
  phase tsan
  scripts/sanitize.sh thread --bounded
fi

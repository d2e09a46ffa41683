#!/usr/bin/env bash
# Compile cost of the umbrella header against the standard headers a library
# of this kind needs anyway.
#
#   tests/bench/compile_cost.sh [THRESHOLD] [RUNS]     time (the goal's measure)
#   tests/bench/compile_cost.sh --counts               instructions and memory
#
# Compiles two one-line files with `$CXX -std=c++20 -fsyntax-only`:
#   baseline.cpp  includes exactly <string> <vector> <map> <memory>
#                 <functional> <chrono> <any> <optional> <system_error>
#                 <atomic> <mutex> <shared_mutex> <span> <string_view>
#   core.cpp      includes <gost/core.hpp> and nothing else
#
# Time: RUNS pairs (default 11), each pair the baseline then the umbrella,
# back to back on one CPU (taskset, when there is one), measuring user CPU
# time. It prints each file's median and fastest run, the ratio of the
# medians, and the median of the per-pair ratios. The last one is the figure
# the goal is judged by: on a shared machine whose speed changes from one
# second to the next (this project's CI machine swings by half), two runs
# made back to back see the same speed, while two medians may each fall on a
# different one. With THRESHOLD (e.g. 1.4) it exits with status 1 when that
# ratio is above it.
#
# --counts: what the compiler does, which does not depend on the machine's
# load: instructions executed by cc1plus (valgrind --tool=cachegrind; needs
# valgrind) and the compiler's garbage-collected memory (-ftime-report's
# TOTAL). Both figures are the same from run to run; use them to tell whether
# a change makes the headers cheaper. The time ratio has come out near the
# average of the two ratios.
#
# Compilers: g++ and clang++, one after the other (each with its own pairs
# and its own verdict); CXX=<compiler> measures that one only. CXXFLAGS is
# added to every command.
# This is a measurement, not a test: never run it as a timed check in CI.
set -euo pipefail

if [[ -z "${CXX:-}" ]]; then
  status=0
  for compiler in g++ clang++; do
    CXX="${compiler}" "$0" "$@" || status=$?
    echo
  done
  exit "${status}"
fi

mode=time
if [[ "${1:-}" == "--counts" ]]; then
  mode=counts
  shift
fi
threshold="${1:-}"
runs="${2:-11}"
cxx="${CXX}"
read -r -a extra <<<"${CXXFLAGS:-}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
include_dir="$(cd "${here}/../../include" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

for h in string vector map memory functional chrono any optional system_error \
         atomic mutex shared_mutex span string_view; do
  printf '#include <%s>\n' "${h}"
done >"${work}/baseline.cpp"
printf '#include <gost/core.hpp>\n' >"${work}/core.cpp"

compile=("${cxx}" -std=c++20 "${extra[@]}" -I"${include_dir}" -fsyntax-only)

# Fail early (with the compiler's message) if either file does not compile.
"${compile[@]}" "${work}/baseline.cpp"
"${compile[@]}" "${work}/core.cpp"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

echo "compiler:            ${cxx} ($("${cxx}" --version | head -n 1))"

if [[ "${mode}" == "counts" ]] && ! command -v valgrind >/dev/null 2>&1; then
  echo "compile_cost.sh: --counts needs valgrind (apt-get install valgrind)" >&2
  exit 2
fi
if [[ "${mode}" == "counts" ]]; then
  # Instructions of the compiler proper (cc1plus, the largest process).
  instructions() {
    local out best=0 n f
    out="$(mktemp -d)"
    valgrind --tool=cachegrind --cache-sim=no --trace-children=yes \
      --cachegrind-out-file="${out}/cg.%p" "${compile[@]}" "$1" >/dev/null 2>&1
    for f in "${out}"/cg.*; do
      n="$(awk '/^summary:/ { print $2 }' "${f}")"
      if ((n > best)); then best="${n}"; fi
    done
    rm -rf "${out}"
    echo "${best}"
  }
  # Garbage-collected memory in kB, from the TOTAL line of -ftime-report.
  memory() {
    "${compile[@]}" -ftime-report "$1" 2>&1 | awk '/^ TOTAL/ {
      v = $NF; u = substr(v, length(v)); n = substr(v, 1, length(v) - 1)
      print (u == "M" ? n * 1024 : (u == "k" ? n : n / 1024)) }'
  }
  bi="$(instructions "${work}/baseline.cpp")"
  ci="$(instructions "${work}/core.cpp")"
  echo "instructions:        baseline $((bi / 1000000)) M, <gost/core.hpp> $((ci / 1000000)) M, ratio $(ratio "${ci}" "${bi}")"
  if "${cxx}" --version | grep -q 'g++\|GCC'; then  # -ftime-report's TOTAL line is g++'s
    bm="$(memory "${work}/baseline.cpp")"
    cm="$(memory "${work}/core.cpp")"
    echo "compiler memory:     baseline $((bm / 1024)) MB, <gost/core.hpp> $((cm / 1024)) MB, ratio $(ratio "${cm}" "${bm}")"
  fi
  exit 0
fi

pin=()
if command -v taskset >/dev/null 2>&1; then
  cpu="$(taskset -pc $$ 2>/dev/null | sed -n 's/.*: *\([0-9]*\).*/\1/p')"
  pin=(taskset -c "${cpu:-0}")
fi

# Prints the user CPU seconds of one compilation of $1.
user_time() {
  { /usr/bin/time -f '%U' "${pin[@]}" "${compile[@]}" "$1" 2>&1 >/dev/null; } 2>&1 | tail -n 1
}

# Prints the median of its arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
fastest() { printf '%s\n' "$@" | sort -g | head -n 1; }

base_times=()
core_times=()
pair_ratios=()
for ((i = 0; i < runs; ++i)); do
  b="$(user_time "${work}/baseline.cpp")"
  c="$(user_time "${work}/core.cpp")"
  base_times+=("${b}")
  core_times+=("${c}")
  pair_ratios+=("$(ratio "${c}" "${b}")")
done

base="$(median "${base_times[@]}")"
core="$(median "${core_times[@]}")"
result="$(median "${pair_ratios[@]}")"

echo "runs:                ${runs} pairs, user CPU seconds${pin[*]:+, pinned to CPU ${pin[2]}}"
echo "baseline (14 std):   median ${base} s, fastest $(fastest "${base_times[@]}") s   [${base_times[*]}]"
echo "<gost/core.hpp>:     median ${core} s, fastest $(fastest "${core_times[@]}") s   [${core_times[*]}]"
echo "ratio of medians:    $(ratio "${core}" "${base}")   (fastest runs: $(ratio "$(fastest "${core_times[@]}")" "$(fastest "${base_times[@]}")"))"
echo "pair ratios:         [${pair_ratios[*]}]"
echo "ratio:               ${result}   (median of the pair ratios)"

if [[ -n "${threshold}" ]]; then
  if awk -v r="${result}" -v t="${threshold}" 'BEGIN { exit !(r > t) }'; then
    echo "FAIL: ratio ${result} is above ${threshold}"
    exit 1
  fi
  echo "OK: ratio ${result} is at most ${threshold}"
fi

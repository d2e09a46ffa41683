#!/usr/bin/env bash
# Compile cost of the umbrella header against the standard headers a library
# of this kind needs anyway.
#
#   tests/bench/compile_cost.sh [THRESHOLD] [RUNS]
#
# Compiles two one-line files with `$CXX -std=c++20 -fsyntax-only`:
#   baseline.cpp  includes exactly <string> <vector> <map> <memory>
#                 <functional> <chrono> <any> <optional> <system_error>
#                 <atomic> <mutex> <shared_mutex> <span> <string_view>
#   core.cpp      includes <gost/core.hpp> and nothing else
# RUNS times each (default 7), alternating the two so that a change in the
# machine's load hits both alike, and prints the median user CPU time of each
# (user time is less sensitive to other processes than wall time) and their
# ratio. With THRESHOLD (e.g. 1.4) it exits with status 1 when the ratio is
# above it. Environment: CXX (default g++), CXXFLAGS (added to the command).
#
# This is a measurement, not a test: never run it as a timed check in CI.
set -euo pipefail

threshold="${1:-}"
runs="${2:-7}"
cxx="${CXX:-g++}"
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

# Prints the user CPU seconds of one compilation of $1.
user_time() {
  local t
  t="$( { /usr/bin/time -f '%U' "${cxx}" -std=c++20 "${extra[@]}" -I"${include_dir}" \
          -fsyntax-only "$1" 2>&1 >/dev/null; } | tail -n 1)"
  printf '%s\n' "${t}"
}

# Prints the median of its arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Fail early (with the compiler's message) if either file does not compile.
"${cxx}" -std=c++20 "${extra[@]}" -I"${include_dir}" -fsyntax-only "${work}/baseline.cpp"
"${cxx}" -std=c++20 "${extra[@]}" -I"${include_dir}" -fsyntax-only "${work}/core.cpp"

base_times=()
core_times=()
for ((i = 0; i < runs; ++i)); do
  base_times+=("$(user_time "${work}/baseline.cpp")")
  core_times+=("$(user_time "${work}/core.cpp")")
done

base="$(median "${base_times[@]}")"
core="$(median "${core_times[@]}")"
ratio="$(awk -v c="${core}" -v b="${base}" 'BEGIN { printf "%.2f", (b > 0 ? c / b : 0) }')"

echo "compiler:            ${cxx} ($("${cxx}" --version | head -n 1))"
echo "runs:                ${runs} each (user CPU seconds, median)"
echo "baseline (14 std):   ${base} s   [${base_times[*]}]"
echo "<gost/core.hpp>:     ${core} s   [${core_times[*]}]"
echo "ratio:               ${ratio}"

if [[ -n "${threshold}" ]]; then
  if awk -v r="${ratio}" -v t="${threshold}" 'BEGIN { exit !(r > t) }'; then
    echo "FAIL: ratio ${ratio} is above ${threshold}"
    exit 1
  fi
  echo "OK: ratio ${ratio} is at most ${threshold}"
fi

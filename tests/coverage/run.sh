#!/usr/bin/env bash
# Measures the line and branch coverage that the test suite gives the library
# headers (include/gost/**, the testing kit included) and checks every header
# against a minimum line coverage.
#
#   tests/coverage/run.sh [MIN_LINES]
#
#   MIN_LINES  minimum line coverage of each header, in percent (default 90)
#
# Steps: configures and builds the `coverage` preset (g++ with --coverage, see
# CMakePresets.json) into build/coverage, deletes the counters of earlier
# runs, runs every test (ctest --preset coverage -j2), then runs gcovr (5.2,
# with gcov-12) over the counters. gcovr drops branches that cannot be taken
# and those that only exist for exceptions (--exclude-unreachable-branches
# --exclude-throw-branches), so the branch figures count the code's own
# decisions.
#
# Output, under build/coverage/report/:
#   summary.txt     the table printed at the end (lines and branches per header, totals)
#   index.html      the HTML report, with every header's source annotated
#   summary.json    gcovr's JSON summary
#   gcovr.log       everything gcovr printed
#   ctest.log       the test run
#
# Exit status: 0 when every test passed and every header reaches MIN_LINES;
# 1 when a test failed or a header is below MIN_LINES (each one is named);
# 2 when a tool is missing or the build or gcovr fails.
#
# Environment: CMAKE_BUILD_PARALLEL_LEVEL (build jobs, default 2).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${here}/../.." && pwd)"
build="${repo}/build/coverage"
report="${build}/report"

min_lines="${1:-90}"
if ! [[ "${min_lines}" =~ ^[0-9]+([.][0-9]+)?$ ]] || awk -v m="${min_lines}" 'BEGIN { exit !(m > 100) }'; then
  echo "usage: $0 [MIN_LINES]   (a percentage, 0 to 100; default 90)" >&2
  exit 2
fi

for tool in cmake ctest g++ gcov-12 gcovr awk; do
  if ! command -v "${tool}" >/dev/null 2>&1; then
    echo "coverage: ${tool} not found (Debian 12: apt-get install cmake g++ gcovr)" >&2
    exit 2
  fi
done

cd "${repo}"

# ---------------------------------------------------------------------------
# Build. Old counters go first: a counter file whose object was rebuilt makes
# the test discovery step print "overwriting an existing profile data".
echo "coverage: configuring and building the coverage preset into ${build}"
mkdir -p "${build}"
find "${build}" -name '*.gcda' -delete
cmake --preset coverage >"${build}/configure.log" 2>&1 || {
  cat "${build}/configure.log" >&2
  echo "coverage: configure failed" >&2
  exit 2
}
cmake --build --preset coverage -j"${CMAKE_BUILD_PARALLEL_LEVEL:-2}" >"${build}/build.log" 2>&1 || {
  grep -E 'error|Error' "${build}/build.log" | head -n 40 >&2 || true
  echo "coverage: build failed (full log: ${build}/build.log)" >&2
  exit 2
}

# ---------------------------------------------------------------------------
# Tests. Only this run's counters are counted.
find "${build}" -name '*.gcda' -delete
rm -rf "${report}"
mkdir -p "${report}"
echo "coverage: running the tests (ctest --preset coverage -j2)"
tests_ok=1
ctest --preset coverage -j2 >"${report}/ctest.log" 2>&1 || tests_ok=0
grep -E 'tests passed|tests failed' "${report}/ctest.log" || true
if [[ ${tests_ok} -eq 0 ]]; then
  sed -n '/The following tests FAILED/,$p' "${report}/ctest.log" >&2
fi

# ---------------------------------------------------------------------------
# gcovr. No -j: with parallel workers gcovr 5.2 can hang instead of exiting
# when gcov's output cannot be parsed. Parse errors are not ignored: they
# stop the run with status 2 and gcovr's own message.
echo "coverage: running gcovr $(gcovr --version | head -n1 | awk '{print $2}') with $(gcov-12 --version | head -n1)"
gcovr_rc=0
gcovr --root "${repo}" \
  --gcov-executable gcov-12 \
  --filter 'include/gost/' \
  --exclude-unreachable-branches \
  --exclude-throw-branches \
  --csv "${report}/summary.csv" \
  --json-summary "${report}/summary.json" --json-summary-pretty \
  --html-details "${report}/index.html" \
  --html-title "gost-core coverage" \
  "${build}" >"${report}/gcovr.log" 2>&1 || gcovr_rc=$?
if [[ ${gcovr_rc} -ne 0 || ! -s "${report}/summary.csv" ]]; then
  cat "${report}/gcovr.log" >&2
  echo "coverage: gcovr failed (exit ${gcovr_rc}); nothing was measured" >&2
  exit 2
fi
if grep -q -E '^\((WARNING|ERROR)\)' "${report}/gcovr.log"; then
  echo "coverage: gcovr reported problems (the figures below may be incomplete):" >&2
  grep -E '^\((WARNING|ERROR)\)' "${report}/gcovr.log" | sort | uniq -c | head -n 20 >&2
fi

# ---------------------------------------------------------------------------
# The table. Every header is listed: one that no compiled file includes is
# an error; one that is compiled but holds no executable code (declarations,
# constants, macros) is shown as "no code".
headers_list="${report}/headers.txt"
(cd "${repo}" && find include/gost -name '*.hpp' | LC_ALL=C sort) >"${headers_list}"
compiled_list="${report}/compiled.txt"
find "${build}" -name '*.o.d' -exec cat {} + 2>/dev/null |
  tr -s '[:blank:]\134' '\n' | grep -F "${repo}/include/gost/" | sed "s|^${repo}/||" | LC_ALL=C sort -u >"${compiled_list}" || true

awk -F, -v min="${min_lines}" -v headers="${headers_list}" -v compiled="${compiled_list}" '
  function pct(c, t) { return t > 0 ? sprintf("%6.1f%%", 100 * c / t) : "     -" }
  BEGIN {
    while ((getline h < headers) > 0) all[++n] = h
    while ((getline c < compiled) > 0) seen[c] = 1
  }
  NR > 1 {
    lt[$1] = $2; lc[$1] = $3; bt[$1] = $5; bc[$1] = $6
  }
  END {
    printf "%-56s %13s %8s %13s %8s\n", "header", "lines", "%", "branches", "%"
    for (i = 1; i <= n; ++i) {
      h = all[i]
      if (h in lt) {
        printf "%-56s %6d/%-6d %8s %6d/%-6d %8s", h, lc[h], lt[h], pct(lc[h], lt[h]), bc[h], bt[h], pct(bc[h], bt[h])
        tl += lt[h]; cl += lc[h]; tb += bt[h]; cb += bc[h]
        if (lt[h] > 0 && 100 * lc[h] < min * lt[h]) { printf "  < %s%%", min; low[++nlow] = h }
        printf "\n"
      } else if (h in seen) {
        printf "%-56s %13s %8s %13s %8s\n", h, "no code", "-", "", "-"
      } else {
        printf "%-56s %13s\n", h, "NOT COMPILED by any test"
        missing[++nmissing] = h
      }
    }
    printf "%-56s %6d/%-6d %8s %6d/%-6d %8s\n", "TOTAL", cl, tl, pct(cl, tl), cb, tb, pct(cb, tb)
    for (i = 1; i <= nlow; ++i) printf "BELOW %s%% LINES: %s (%.1f%%)\n", min, low[i], 100 * lc[low[i]] / lt[low[i]] > "/dev/stderr"
    for (i = 1; i <= nmissing; ++i) printf "NOT COMPILED: %s (no test includes it)\n", missing[i] > "/dev/stderr"
    exit (nlow + nmissing > 0) ? 1 : 0
  }
' "${report}/summary.csv" >"${report}/summary.txt" 2>"${report}/failures.txt" && coverage_ok=1 || coverage_ok=0

cat "${report}/summary.txt"
echo
echo "coverage: HTML report ${report}/index.html; table ${report}/summary.txt"
status=0
if [[ ${coverage_ok} -eq 0 ]]; then
  cat "${report}/failures.txt" >&2
  echo "coverage: FAILED: $(grep -c . "${report}/failures.txt") header(s) below ${min_lines}% of lines or not compiled" >&2
  status=1
fi
if [[ ${tests_ok} -eq 0 ]]; then
  echo "coverage: FAILED: some tests failed (see ${report}/ctest.log)" >&2
  status=1
fi
if [[ ${status} -eq 0 ]]; then
  echo "coverage: every header has at least ${min_lines}% of its lines covered"
fi
exit "${status}"

#!/usr/bin/env bash
# Static analysis with clang-tidy 14 over every public header of gost-core.
#
# Each header under include/gost (the testing kit under
# include/gost/core/testing/ included) becomes its own one-line translation
# unit, `#include <gost/...>`, compiled as C++20 against include/ (plus the
# GoogleTest/GoogleMock flags pkg-config reports, for the kit). clang-tidy runs
# on it with the repository's .clang-tidy and --warnings-as-errors='*', so a
# single finding in a library header fails the run; the findings are printed.
# Headers are checked two at a time.
#
# Usage, from anywhere:
#   tests/static/clang-tidy.sh                  every header
#   tests/static/clang-tidy.sh gost/core/go/net.hpp ...
#                                               only these (paths under include/)
# Environment: CLANG_TIDY (default clang-tidy-14, else clang-tidy),
#              TIDY_JOBS (default 2).
# Exit status: 0 clean, 1 findings (or a header that does not compile),
#              2 usage or setup error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jobs="${TIDY_JOBS:-2}"

tidy="${CLANG_TIDY:-}"
if [[ -z "${tidy}" ]]; then
  if command -v clang-tidy-14 >/dev/null 2>&1; then
    tidy=clang-tidy-14
  else
    tidy=clang-tidy
  fi
fi
if ! command -v "${tidy}" >/dev/null 2>&1; then
  echo "clang-tidy.sh: ${tidy} not found (apt-get install clang-tidy)" >&2
  exit 2
fi
version="$("${tidy}" --version | sed -n 's/.*LLVM version \([0-9][0-9.]*\).*/\1/p' | head -n1)"
if [[ "${version%%.*}" != "14" ]]; then
  echo "clang-tidy.sh: warning: ${tidy} is version ${version:-unknown}; the configuration targets 14" >&2
fi

# The kit's headers include <gtest/gtest.h> and <gmock/gmock.h>; on Debian
# these are in /usr/include, and pkg-config adds the defines they expect.
gtest_flags=""
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gmock gtest; then
  gtest_flags="$(pkg-config --cflags gmock gtest)"
fi

if [[ $# -gt 0 ]]; then
  headers=("$@")
  for h in "${headers[@]}"; do
    if [[ ! -f "${root}/include/${h}" ]]; then
      echo "clang-tidy.sh: no such header: include/${h}" >&2
      exit 2
    fi
  done
else
  mapfile -t headers < <(cd "${root}/include" && find gost -name '*.hpp' -type f | LC_ALL=C sort)
fi
if [[ ${#headers[@]} -eq 0 ]]; then
  echo "clang-tidy.sh: no headers found under ${root}/include/gost" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/gost-tidy.XXXXXX")"
trap 'rm -rf "${work}"' EXIT

# Checks one header; writes <tu>.log, and <tu>.failed when clang-tidy fails.
# Run by xargs in a child bash, hence the exported variables.
check_header() {
  local rel="$1"
  local tu="${TIDY_WORK}/${rel//\//__}.cpp"
  local -a flags=(-std=c++20 "-I${TIDY_ROOT}/include" -pthread)
  if [[ "${rel}" == gost/core/testing/* && -n "${TIDY_GTEST_FLAGS}" ]]; then
    # Word splitting is wanted: pkg-config prints several flags.
    # shellcheck disable=SC2206
    flags+=(${TIDY_GTEST_FLAGS})
  fi
  printf '#include <%s>\n' "${rel}" >"${tu}"
  if ! "${TIDY_BIN}" --quiet --config-file="${TIDY_ROOT}/.clang-tidy" --warnings-as-errors='*' \
      "${tu}" -- "${flags[@]}" >"${tu}.log" 2>&1; then
    : >"${tu}.failed"
  fi
}
export -f check_header
export TIDY_WORK="${work}" TIDY_ROOT="${root}" TIDY_BIN="${tidy}" TIDY_GTEST_FLAGS="${gtest_flags}"

echo "clang-tidy.sh: ${tidy} ${version:-?}, ${#headers[@]} header(s), ${jobs} job(s), config ${root}/.clang-tidy"
start=$(date +%s)
# $1 is expanded by the child bash, not here.
# shellcheck disable=SC2016
printf '%s\0' "${headers[@]}" | xargs -0 -n1 -P "${jobs}" bash -c 'check_header "$1"' _
took=$(( $(date +%s) - start ))

failed=0
for rel in "${headers[@]}"; do
  tu="${work}/${rel//\//__}.cpp"
  if [[ -e "${tu}.failed" ]]; then
    failed=$((failed + 1))
    echo "---- include/${rel}"
    # Drop clang's "N warnings generated." counts (system-header noise).
    grep -Ev '^[0-9]+ (warnings?|errors?)( and [0-9]+ (warnings?|errors?))? generated\.$' "${tu}.log" || true
  fi
done

if [[ ${failed} -ne 0 ]]; then
  echo "clang-tidy.sh: FAILED: findings in ${failed} of ${#headers[@]} header(s) (${took}s)"
  exit 1
fi
echo "clang-tidy.sh: ${#headers[@]} header(s) checked, no findings (${took}s)"

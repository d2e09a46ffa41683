#!/usr/bin/env bash
# Builds the gost-core fuzz targets (tests/fuzz) with clang and libFuzzer and
# runs each of them for a fixed number of executions.
#
#   tests/fuzz/run.sh [runs] [target...]
#
#   runs     executions per target (default 1000000; libFuzzer's -runs=)
#   target   names such as parse_ip or gost_core_fuzz_parse_ip (default: all)
#
# Each target starts from a temporary COPY of its seed corpus
# (tests/fuzz/corpus/<target>/), so the checked-in corpus never grows.
# Inputs are at most GOST_FUZZ_MAX_LEN bytes (default 256). A finding (a
# broken property, a sanitizer report, a timeout, an out-of-memory) leaves
# its input in <build>/artifacts/<target>/ and makes the script exit 1;
# missing tools make it exit 2. The per-target log is <build>/logs/<target>.log.
#
# Environment:
#   GOST_FUZZ_BUILD_DIR  build folder (default: build/fuzz in the repository)
#   GOST_FUZZ_CXX        the clang++ to use (default: clang++)
#   GOST_FUZZ_MAX_LEN    -max_len (default 256)
#   GOST_FUZZ_JOBS       targets run at once (default 2, or 1 on a one-core machine)
#   GOST_FUZZ_SEED       libFuzzer -seed (default: a random one, printed in the log)
#   GOST_FUZZ_TIMEOUT    seconds one input may take before it counts as a hang (default 10)
#   GOST_FUZZ_SKIP       comma-separated ids of checks to skip (see docs/reliability.md)
#   GOST_FUZZ_CORPUS_OUT if set, each target's grown corpus is copied to
#                        $GOST_FUZZ_CORPUS_OUT/<target>/ (never into tests/fuzz)
#
# Replaying a crash file:  <build>/gost_core_fuzz_<target> <crash-file>
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${here}/../.." && pwd)"

runs="${1:-1000000}"
if ! [[ "${runs}" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 [runs] [target...]" >&2
  exit 2
fi
shift || true

build="${GOST_FUZZ_BUILD_DIR:-${repo}/build/fuzz}"
cxx="${GOST_FUZZ_CXX:-clang++}"
max_len="${GOST_FUZZ_MAX_LEN:-256}"
cpus=$(nproc 2>/dev/null || echo 1)
jobs="${GOST_FUZZ_JOBS:-$(( cpus >= 2 ? 2 : 1 ))}"
timeout_s="${GOST_FUZZ_TIMEOUT:-10}"

# ---------------------------------------------------------------------------
# Tools.
if ! command -v "${cxx}" >/dev/null 2>&1; then
  echo "fuzz: ${cxx} not found; the fuzz targets need clang (Debian 12: apt-get install clang)" >&2
  exit 2
fi
if ! command -v cmake >/dev/null 2>&1; then
  echo "fuzz: cmake not found (apt-get install cmake)" >&2
  exit 2
fi
if ! "${cxx}" --version 2>/dev/null | grep -qi clang; then
  echo "fuzz: ${cxx} is not clang; libFuzzer needs clang (set GOST_FUZZ_CXX to a clang++)" >&2
  exit 2
fi
probe_dir="$(mktemp -d)"
work_dirs=("${probe_dir}")
cleanup() { rm -rf "${work_dirs[@]}"; }
trap cleanup EXIT
printf '#include <cstddef>\n#include <cstdint>\nextern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }\n' \
  >"${probe_dir}/probe.cpp"
if ! "${cxx}" -fsanitize=fuzzer,address,undefined "${probe_dir}/probe.cpp" -o "${probe_dir}/probe" \
     >"${probe_dir}/probe.log" 2>&1; then
  echo "fuzz: ${cxx} cannot link -fsanitize=fuzzer,address,undefined:" >&2
  sed 's/^/  /' "${probe_dir}/probe.log" >&2
  echo "fuzz: the libFuzzer runtime is missing (Debian 12: apt-get install libclang-rt-14-dev)" >&2
  exit 2
fi

# ---------------------------------------------------------------------------
# Build.
echo "fuzz: building into ${build} with $("${cxx}" --version | head -n1)"
cmake -S "${here}" -B "${build}" -DCMAKE_CXX_COMPILER="${cxx}" -DGOST_CORE_FUZZ_MODE=libfuzzer >"${probe_dir}/configure.log" 2>&1 || {
  cat "${probe_dir}/configure.log" >&2
  exit 2
}
cmake --build "${build}" -j"${CMAKE_BUILD_PARALLEL_LEVEL:-2}" >"${probe_dir}/build.log" 2>&1 || {
  cat "${probe_dir}/build.log" >&2
  exit 2
}

targets=()
if [[ $# -gt 0 ]]; then
  for t in "$@"; do targets+=("${t#gost_core_fuzz_}"); done
else
  for src in "${here}"/*_fuzz.cpp; do
    name="$(basename "${src}" _fuzz.cpp)"
    targets+=("${name}")
  done
fi
for t in "${targets[@]}"; do
  if [[ ! -x "${build}/gost_core_fuzz_${t}" ]]; then
    echo "fuzz: no target ${t} (built: $(cd "${build}" && ls gost_core_fuzz_* | tr '\n' ' '))" >&2
    exit 2
  fi
done

mkdir -p "${build}/logs"
if [[ -n "${GOST_FUZZ_CORPUS_OUT:-}" ]]; then
  mkdir -p "${GOST_FUZZ_CORPUS_OUT}"
  GOST_FUZZ_CORPUS_OUT="$(cd "${GOST_FUZZ_CORPUS_OUT}" && pwd)"
  case "${GOST_FUZZ_CORPUS_OUT}/" in
    "${here}/"*) echo "fuzz: GOST_FUZZ_CORPUS_OUT must be outside tests/fuzz" >&2; exit 2 ;;
  esac
fi
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# Runs one target; writes "<execs> <wall s> <cpu s> <rc>" to <build>/logs/<t>.result.
run_one() {
  local t="$1"
  local work
  work="$(mktemp -d)"
  cp -R "${here}/corpus/${t}/." "${work}/" 2>/dev/null || true
  local art="${build}/artifacts/${t}"
  mkdir -p "${art}"
  local args=(-runs="${runs}" -max_len="${max_len}" -timeout="${timeout_s}" -rss_limit_mb=2560
              -print_final_stats=1 -artifact_prefix="${art}/")
  [[ -f "${here}/dict/${t}.dict" ]] && args+=(-dict="${here}/dict/${t}.dict")
  [[ -n "${GOST_FUZZ_SEED:-}" ]] && args+=(-seed="${GOST_FUZZ_SEED}")
  local rc=0 TIMEFORMAT='%R %U %S'
  { time { "${build}/gost_core_fuzz_${t}" "${args[@]}" "${work}" >"${build}/logs/${t}.log" 2>&1 || rc=$?; }; } \
    2>"${build}/logs/${t}.time"
  if [[ -n "${GOST_FUZZ_CORPUS_OUT:-}" ]]; then
    mkdir -p "${GOST_FUZZ_CORPUS_OUT}/${t}"
    cp -R "${work}/." "${GOST_FUZZ_CORPUS_OUT}/${t}/"
  fi
  rm -rf "${work}"
  local wall user sys
  read -r wall user sys <"${build}/logs/${t}.time"
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "${build}/logs/${t}.log" | tail -n1)
  [[ -z "${execs}" ]] && execs=$(grep -o '^#[0-9]*' "${build}/logs/${t}.log" | tail -n1 | tr -d '#')
  echo "${execs:-0} ${wall} $(awk -v u="${user}" -v s="${sys}" 'BEGIN { printf "%.1f", u + s }') ${rc}" \
    >"${build}/logs/${t}.result"
}

echo "fuzz: ${#targets[@]} target(s), ${runs} runs each, -max_len=${max_len}, ${jobs} at a time"
total_start=$(date +%s)
running=0
for t in "${targets[@]}"; do
  rm -f "${build}/logs/${t}.result"
  run_one "${t}" &
  running=$((running + 1))
  if [[ ${running} -ge ${jobs} ]]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true
total=$(( $(date +%s) - total_start ))

# ---------------------------------------------------------------------------
# Report.
failed=()
printf '\n%-18s %12s %9s %9s %10s  %s\n' target executions wall-s cpu-s exec/s result
for t in "${targets[@]}"; do
  read -r execs secs cpu rc <"${build}/logs/${t}.result" || { execs=0; secs=0; cpu=0; rc=99; }
  rate=$(awk -v n="${execs}" -v s="${secs}" 'BEGIN { printf "%d", (s > 0 ? n / s : 0) }')
  if [[ "${rc}" == "0" ]]; then
    status=ok
  else
    status="FINDING (exit ${rc})"
    failed+=("${t}")
  fi
  printf '%-18s %12s %9s %9s %10s  %s\n' "${t}" "${execs}" "${secs}" "${cpu}" "${rate}" "${status}"
done
printf 'total wall time: %ds\n' "${total}"

if [[ ${#failed[@]} -gt 0 ]]; then
  for t in "${failed[@]}"; do
    echo
    echo "=== ${t}: finding (full log: ${build}/logs/${t}.log)"
    grep -E 'property broken|detail:|ERROR: |SUMMARY: |runtime error|Test unit written to|^Seed:' \
      "${build}/logs/${t}.log" | head -n 20 || true
    echo "replay: ${build}/gost_core_fuzz_${t} <the crash file above>"
  done
  echo
  echo "fuzz: FAILED: ${failed[*]}"
  exit 1
fi
echo "fuzz: all ${#targets[@]} target(s) passed"

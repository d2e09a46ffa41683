#!/usr/bin/env bash
# Static analysis with cppcheck (2.10) over every public header of gost-core.
#
# The headers under include/gost (the testing kit included) are given to
# cppcheck directly as C++20 (--language=c++ --std=c++20 -I include): each is
# preprocessed with its gost includes resolved and analysed like a translation
# unit, which reaches the inline and template code a header-only library is
# made of. The kit's GoogleTest macros are expanded with cppcheck's googletest
# library plus the few typed-test macros it lacks (defined below); the system
# headers themselves are not parsed (cppcheck's std library describes them).
#
# Any finding fails the run (exit 1) and is printed. Suppressed:
#   unusedFunction, missingIncludeSystem
#       on the command line: unused functions are meaningless in a header-only
#       library, and system headers are deliberately not given to cppcheck.
#   tests/static/cppcheck-suppressions.txt
#       the few ids that are noise across the codebase, each with its reason.
#   // cppcheck-suppress <id> ; <reason>
#       single false positives, in the headers next to the line.
#
# Usage, from anywhere:
#   tests/static/cppcheck.sh                    every header
#   tests/static/cppcheck.sh gost/core/go/net.hpp ...
#                                               only these (paths under include/)
# Environment: CPPCHECK (default cppcheck), CPPCHECK_JOBS (default 2).
# Exit status: 0 clean, 1 findings, 2 usage or setup error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jobs="${CPPCHECK_JOBS:-2}"
cppcheck="${CPPCHECK:-cppcheck}"
if ! command -v "${cppcheck}" >/dev/null 2>&1; then
  echo "cppcheck.sh: ${cppcheck} not found (apt-get install cppcheck)" >&2
  exit 2
fi
version="$("${cppcheck}" --version | sed -n 's/^Cppcheck \(.*\)$/\1/p')"
if [[ "${version}" != 2.10* ]]; then
  echo "cppcheck.sh: warning: ${cppcheck} is version ${version:-unknown}; the suppressions target 2.10" >&2
fi

cd "${root}"
if [[ $# -gt 0 ]]; then
  headers=()
  for h in "$@"; do
    if [[ ! -f "include/${h}" ]]; then
      echo "cppcheck.sh: no such header: include/${h}" >&2
      exit 2
    fi
    headers+=("include/${h}")
  done
else
  mapfile -t headers < <(find include/gost -name '*.hpp' -type f | LC_ALL=C sort)
fi
if [[ ${#headers[@]} -eq 0 ]]; then
  echo "cppcheck.sh: no headers found under ${root}/include/gost" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/gost-cppcheck.XXXXXX")"
trap 'rm -rf "${work}"' EXIT

# cppcheck 2.10's googletest.cfg knows TEST/TEST_P but not the typed-test
# macros of conformance/registry.hpp, which would otherwise be syntax errors
# and leave that header unanalysed. Shaped like googletest.cfg's TEST_P.
cat >"${work}/googletest-typed.cfg" <<'EOF'
<?xml version="1.0"?>
<def format="2">
  <define name="TYPED_TEST_SUITE_P(A)" value=""/>
  <define name="TYPED_TEST_P(A,B)" value="template &lt;class TypeParam&gt; void __ ## A ## _ ## B ( )"/>
  <define name="REGISTER_TYPED_TEST_SUITE_P(A,...)" value=""/>
</def>
EOF

echo "cppcheck.sh: cppcheck ${version:-?}, ${#headers[@]} header(s), ${jobs} job(s)"
start=$(date +%s)
rc=0
"${cppcheck}" \
  --language=c++ --std=c++20 -I include \
  --library=googletest --library="${work}/googletest-typed.cfg" \
  --enable=warning,style,performance,portability \
  --inline-suppr \
  --suppress=unusedFunction --suppress=missingIncludeSystem \
  --suppressions-list=tests/static/cppcheck-suppressions.txt \
  --error-exitcode=1 -j "${jobs}" --quiet \
  --template='{file}:{line}:{column}: {severity}: {message} [{id}]\n{code}' \
  "${headers[@]}" 2>&1 || rc=$?
took=$(( $(date +%s) - start ))

if [[ ${rc} -ne 0 ]]; then
  echo "cppcheck.sh: FAILED: findings above (${#headers[@]} header(s), ${took}s)"
  exit 1
fi
echo "cppcheck.sh: ${#headers[@]} header(s) checked, no findings (${took}s)"

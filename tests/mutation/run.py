#!/usr/bin/env python3
"""Mutation run: proves that the tests notice when the library's semantics break.

Applies each mutation of tests/mutation/mutations.toml to the library's headers,
one at a time, rebuilds only the test programs the mutation lists, runs them,
and reports the mutation as

  killed         a listed test failed, crashed or timed out,
  survived       every listed test passed with the mutation in place,
  compile-error  the tree did not build with it (reported, not counted).

The last line is the kill rate. The header is restored byte for byte after
each mutation, and on any exit (an error, Ctrl-C, SIGTERM). The run refuses to
start while a header it would mutate has uncommitted changes.

  tests/mutation/run.py               every mutation
  tests/mutation/run.py --only ID...  some of them
  tests/mutation/run.py --check       only check the list (fast; a CTest)
  tests/mutation/run.py --list        print the ids

Runs on demand, not in CI: see docs/reliability.md ("Mutation run").
"""
import argparse
import atexit
import os
import signal
import subprocess
import sys
import time
import tomllib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "tests", "mutation", "mutations.toml")
BUILD_TIMEOUT = 900
TEST_TIMEOUT = 120

# Original bytes of every header currently mutated, restored on any exit.
_saved = {}


def restore_all():
    for path, data in list(_saved.items()):
        with open(path, "wb") as f:
            f.write(data)
        del _saved[path]


def on_signal(signum, _frame):
    restore_all()
    print("mutation run: stopped by signal %d; headers restored" % signum, flush=True)
    sys.exit(128 + signum)


def target_of(test):
    """The CMake target that builds test source `test` (as tests/CMakeLists.txt,
    tests/testing/CMakeLists.txt and examples/reference/CMakeLists.txt name them)."""
    rel = test[:-4] if test.endswith(".cpp") else test
    if rel.startswith("tests/unit/"):
        return "gost_core_" + rel[len("tests/unit/"):].replace("/", "_")
    if rel.startswith("tests/testing/"):
        return "gost_core_testing_" + rel[len("tests/testing/"):]
    if rel.startswith("examples/reference/tests/"):
        return "reference_" + rel[len("examples/reference/tests/"):]
    raise ValueError("no rule for a test at %s" % test)


def load(only):
    with open(DATA, "rb") as f:
        data = tomllib.load(f)
    muts = data.get("mutation", [])
    problems = []
    seen = set()
    for m in muts:
        for key in ("id", "file", "find", "replace", "tests", "why"):
            if key not in m:
                problems.append("%s: no %s" % (m.get("id", "?"), key))
        if problems:
            continue
        if m["id"] in seen:
            problems.append("%s: duplicate id" % m["id"])
        seen.add(m["id"])
        path = os.path.join(ROOT, m["file"])
        if not m["file"].startswith("include/") or not os.path.isfile(path):
            problems.append("%s: %s is not a header under include/" % (m["id"], m["file"]))
            continue
        with open(path, encoding="utf-8") as f:
            n = f.read().count(m["find"])
        if n != 1:
            problems.append("%s: the original text occurs %d times in %s (must be once)" % (m["id"], n, m["file"]))
        if m["find"] == m["replace"]:
            problems.append("%s: the replacement changes nothing" % m["id"])
        for t in m["tests"]:
            if not os.path.isfile(os.path.join(ROOT, t)):
                problems.append("%s: no test source %s" % (m["id"], t))
            else:
                try:
                    target_of(t)
                except ValueError as e:
                    problems.append("%s: %s" % (m["id"], e))
    if only:
        unknown = set(only) - seen
        if unknown:
            problems.append("unknown ids: " + ", ".join(sorted(unknown)))
        muts = [m for m in muts if m["id"] in only]
    return muts, problems


def run(cmd, timeout, **kw):
    try:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, **kw)
        return p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired:
        return None, "timed out after %ds" % timeout


def find_binary(build, target):
    for dirpath, _, files in os.walk(build):
        if target in files:
            return os.path.join(dirpath, target)
    return None


def build(build_dir, targets):
    code, out = run(["cmake", "--build", build_dir, "-j", os.environ.get("MUTATION_JOBS", "2"), "--target", *targets],
                    BUILD_TIMEOUT)
    return code == 0, out


def run_tests(build_dir, targets):
    """(passed, what): passed is False as soon as one program fails or times out."""
    for t in targets:
        exe = find_binary(build_dir, t)
        if exe is None:
            return False, "%s: not built" % t
        code, out = run([exe, "--gtest_brief=1"], TEST_TIMEOUT)
        if code is None:
            return False, "%s timed out" % t
        if code != 0:
            failed = [l.split("]", 1)[1].strip() for l in out.splitlines() if l.startswith("[  FAILED  ]")]
            return False, "%s: %s" % (t, failed[0] if failed else "exit %d" % code)
    return True, ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="+", metavar="ID")
    ap.add_argument("--check", action="store_true", help="check the list and exit")
    ap.add_argument("--list", action="store_true", help="print the ids and exit")
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build", "mutation"))
    args = ap.parse_args()

    muts, problems = load(args.only)
    if problems:
        for p in problems:
            print("mutations.toml: " + p)
        return 2
    if args.list:
        for m in muts:
            print("%-28s %s" % (m["id"], m["file"]))
        return 0
    if args.check:
        print("mutations.toml: %d mutations, each original text found once, every test source present" % len(muts))
        return 0

    files = sorted({m["file"] for m in muts})
    dirty = subprocess.run(["git", "status", "--porcelain", "--", *files], cwd=ROOT, capture_output=True, text=True)
    if dirty.returncode != 0 or dirty.stdout.strip():
        print("mutation run: refusing to start: uncommitted changes in\n" + dirty.stdout)
        return 2

    atexit.register(restore_all)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)

    started = time.time()
    if not os.path.isfile(os.path.join(args.build_dir, "CMakeCache.txt")):
        code, out = run(["cmake", "-S", ROOT, "-B", args.build_dir, "-DCMAKE_BUILD_TYPE=Debug",
                         "-DCMAKE_CXX_FLAGS=-O0", "-DGOST_CORE_BUILD_EXAMPLES=OFF"], BUILD_TIMEOUT)
        if code != 0:
            print(out)
            print("mutation run: cannot configure %s" % args.build_dir)
            return 2

    targets = sorted({target_of(t) for m in muts for t in m["tests"]})
    ok, out = build(args.build_dir, targets)
    if not ok:
        print(out[-4000:])
        print("mutation run: the unmutated tree does not build")
        return 2
    ok, what = run_tests(args.build_dir, targets)
    if not ok:
        print("mutation run: a test fails before any mutation (%s)" % what)
        return 2
    print("baseline: %d test programs pass unmutated" % len(targets), flush=True)

    killed = survived = broken = 0
    for i, m in enumerate(muts, 1):
        path = os.path.join(ROOT, m["file"])
        with open(path, "rb") as f:
            original = f.read()
        text = original.decode("utf-8")
        _saved[path] = original
        try:
            with open(path, "wb") as f:
                f.write(text.replace(m["find"], m["replace"], 1).encode("utf-8"))
            mine = sorted({target_of(t) for t in m["tests"]})
            ok, out = build(args.build_dir, mine)
            if not ok:
                verdict, why = "compile-error", ""
                broken += 1
            else:
                passed, why = run_tests(args.build_dir, mine)
                verdict = "survived" if passed else "killed"
                if passed:
                    survived += 1
                else:
                    killed += 1
        finally:
            restore_all()
        print("[%2d/%d] %-13s %-28s %s" % (i, len(muts), verdict, m["id"], why), flush=True)

    # Leave the build matching the tree again.
    build(args.build_dir, targets)
    counted = killed + survived
    rate = 100.0 * killed / counted if counted else 0.0
    print("%d mutations in %.0f s: %d killed, %d survived, %d compile errors (not counted)"
          % (len(muts), time.time() - started, killed, survived, broken))
    print("kill rate: %d/%d = %.1f%%" % (killed, counted, rate))
    return 0


if __name__ == "__main__":
    sys.exit(main())

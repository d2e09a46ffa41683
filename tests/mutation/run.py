#!/usr/bin/env python3
"""Mutation run: do the unit tests notice when a header's behaviour changes?

Each record of mutations.txt names a header, a piece of text in it and what
that text becomes, and the unit test sources that cover it. For every record
this script changes the header, builds only the test executables of those
sources in its own build folder, runs them, puts the header back byte for
byte, and prints one line: killed (a test failed, crashed or timed out),
survived (every test passed) or compile-error (the mutant did not build; not
counted). The last line is the kill rate.

  tests/mutation/run.py                 # the whole list
  tests/mutation/run.py --only ID ...   # some records
  tests/mutation/run.py --check         # only check the list, build nothing

The headers are restored on every way out (normal end, an error, Ctrl-C,
SIGTERM). The script refuses to start when a header it would change has
uncommitted changes, so a restore can never lose someone's work.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "mutations.txt"
UNIT = ROOT / "tests" / "unit"
WARNINGS = "-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror"
FIELDS = ("id", "file", "tests", "original", "replace")


class ListError(Exception):
    pass


def parse(path):
    """The records of the data file, as dicts with the FIELDS keys."""
    records, current = [], {}
    lines = path.read_text(encoding="utf-8").splitlines() + [""]
    for number, line in enumerate(lines, 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if current:
                missing = [f for f in FIELDS if f not in current]
                if missing:
                    raise ListError(f"{path.name}: record ending at line {number} lacks {', '.join(missing)}")
                records.append(current)
                current = {}
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or key not in FIELDS:
            raise ListError(f"{path.name}:{number}: expected one of {', '.join(FIELDS)} followed by ':'")
        if key in current:
            raise ListError(f"{path.name}:{number}: '{key}' given twice in one record")
        current[key] = value.strip()
        current.setdefault("line", number)
    return records


def target_of(test):
    """The CMake target tests/CMakeLists.txt makes of a test source."""
    rel = (ROOT / test).resolve().relative_to(UNIT)
    return "gost_core_" + str(rel.with_suffix("")).replace(os.sep, "_")


def check(records):
    """Every record well formed: unique id, header and tests exist, original found exactly once."""
    seen = set()
    for r in records:
        where = f"{DATA.name}:{r['line']} ({r['id']})"
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", r["id"]):
            raise ListError(f"{where}: id may hold only letters, digits, '_', '.', '-'")
        if r["id"] in seen:
            raise ListError(f"{where}: id used twice")
        seen.add(r["id"])
        header = ROOT / "include" / r["file"]
        if not header.is_file():
            raise ListError(f"{where}: no header include/{r['file']}")
        count = header.read_text(encoding="utf-8").count(r["original"])
        if not r["original"] or count != 1:
            raise ListError(f"{where}: the original text occurs {count} times in include/{r['file']} (must be once)")
        if r["original"] == r["replace"]:
            raise ListError(f"{where}: the replacement is the original text")
        tests = r["tests"].split()
        if not tests:
            raise ListError(f"{where}: no tests listed")
        for t in tests:
            src = (ROOT / t).resolve()
            if not src.is_file():
                raise ListError(f"{where}: test source {t} does not exist (moved? update {DATA.name})")
            if UNIT not in src.parents or not src.name.endswith("_test.cpp"):
                raise ListError(f"{where}: {t} is not a tests/unit/**/*_test.cpp source")
        r["targets"] = [target_of(t) for t in tests]


class Headers:
    """Saved copies of the headers to change; puts them back on any way out."""

    def __init__(self, paths):
        self.saved = {p: p.read_bytes() for p in paths}

    def restore(self):
        for p, data in self.saved.items():
            if not p.exists() or p.read_bytes() != data:
                p.write_bytes(data)


def uncommitted(paths):
    rel = [str(p.relative_to(ROOT)) for p in paths]
    out = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--"] + rel,
                         capture_output=True, text=True, check=True).stdout
    return out.strip()


def run(cmd, timeout=None, log=None):
    """(exit code or 'timeout', seconds)"""
    start = time.monotonic()
    try:
        with open(log, "ab") if log else open(os.devnull, "wb") as out:
            rc = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, timeout=timeout).returncode
    except subprocess.TimeoutExpired:
        rc = "timeout"
    return rc, time.monotonic() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="+", metavar="ID", help="run only these records")
    ap.add_argument("--check", action="store_true", help="check the list and exit")
    ap.add_argument("--build-dir", default=str(ROOT / "build" / "mutation"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=300, help="seconds per test executable")
    args = ap.parse_args()

    try:
        records = parse(DATA)
        check(records)
        if args.only:
            unknown = sorted(set(args.only) - {r["id"] for r in records})
            if unknown:
                raise ListError(f"unknown id(s): {', '.join(unknown)}")
            records = [r for r in records if r["id"] in args.only]
    except ListError as e:
        print(f"mutation list error: {e}", file=sys.stderr)
        return 2
    if args.check:
        print(f"{len(records)} mutations, list is well formed")
        return 0

    headers = sorted({ROOT / "include" / r["file"] for r in records})
    dirty = uncommitted(headers)
    if dirty:
        print("refusing to run: headers to mutate have uncommitted changes:\n" + dirty, file=sys.stderr)
        return 2
    saved = Headers(headers)

    def on_signal(signum, _frame):
        saved.restore()
        print(f"\ninterrupted by signal {signum}; headers restored", file=sys.stderr)
        sys.exit(128 + signum)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    build = Path(args.build_dir)
    log = build / "mutation.log"
    started = time.monotonic()
    try:
        if not (build / "CMakeCache.txt").exists():
            rc, _ = run(["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Debug",
                         "-DCMAKE_CXX_COMPILER=g++", f"-DCMAKE_CXX_FLAGS={WARNINGS} -O0",
                         "-DGOST_CORE_BUILD_EXAMPLES=OFF", "-DGOST_CORE_BUILD_DOCS=OFF"])
            if rc != 0:
                print(f"error: cmake could not configure {build}", file=sys.stderr)
                return 2
        log.write_bytes(b"")

        def build_and_test(targets):
            rc, _ = run(["cmake", "--build", str(build), f"-j{args.jobs}", "--target"] + targets, log=log)
            if rc != 0:
                return "compile-error", ""
            for t in targets:
                exe = build / "tests" / t
                rc, _ = run([str(exe), "--gtest_brief=1"], timeout=args.timeout, log=log)
                if rc == "timeout":
                    return "killed", f"{t} timed out"
                if rc != 0:
                    return "killed", f"{t} failed ({'signal ' + str(-rc) if rc < 0 else 'exit ' + str(rc)})"
            return "survived", ""

        targets = sorted({t for r in records for t in r["targets"]})
        print(f"baseline: building and running {len(targets)} test executable(s)", flush=True)
        outcome, why = build_and_test(targets)
        if outcome != "survived":
            print(f"error: the unmutated tests do not pass ({outcome} {why}); see {log}", file=sys.stderr)
            return 2

        counts = {"killed": 0, "survived": 0, "compile-error": 0}
        for r in records:
            header = ROOT / "include" / r["file"]
            text = saved.saved[header].decode("utf-8")
            header.write_bytes(text.replace(r["original"], r["replace"], 1).encode("utf-8"))
            t0 = time.monotonic()
            try:
                outcome, why = build_and_test(r["targets"])
            finally:
                saved.restore()
            counts[outcome] += 1
            detail = f" ({why})" if why else ""
            print(f"{r['id']}: {outcome}{detail} [{time.monotonic() - t0:.0f}s]", flush=True)
    finally:
        saved.restore()

    counted = counts["killed"] + counts["survived"]
    minutes = (time.monotonic() - started) / 60
    print(f"{len(records)} mutations in {minutes:.0f} min: killed {counts['killed']}, survived "
          f"{counts['survived']}, compile-error {counts['compile-error']}")
    rate = 100.0 * counts["killed"] / counted if counted else 0.0
    print(f"kill rate: {counts['killed']}/{counted} = {rate:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())

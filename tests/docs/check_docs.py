#!/usr/bin/env python3
"""Checks that gost-core's documents agree with the code.

Usage: check_docs.py ROOT CHECK
  ROOT   the repository root
  CHECK  one of:
    go-mapping   every row of the "Identifiers" tables of docs/go-mapping.md
                 names a header that exists, a C++ name inside the namespace of
                 its section, and that name's last component appears in the
                 header (comments stripped, as api-parity reads headers); the
                 headers of the "Go standard library types" table exist too.
    api-renames  every row of docs/api-renames.tsv names a package folder, a
                 class or struct `parent` in it, and `cpp_name` inside that
                 class's body.
    guide        every ```cpp and ```cmake block of
                 docs/implementing-a-transport.md appears verbatim in a file
                 under docs/snippets/ (which CTest builds and runs), and every
                 relative link of the guide points at an existing file.
Prints one line per problem and a summary; exits 1 when there is a problem.

check_docs.py ROOT --self-test runs each check on a small broken copy and fails
unless the check catches every planted mistake.
"""
import os
import re
import shutil
import sys
import tempfile


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    return re.sub(r'"(\\.|[^"\\])*"', '""', text)


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def section(text, title):
    """The lines of the `## title` section (up to the next `## ` heading)."""
    lines = text.splitlines()
    out, inside = [], False
    for number, line in enumerate(lines, 1):
        if line.startswith("## "):
            inside = line[3:].strip() == title
            continue
        if inside:
            out.append((number, line))
    return out


def cells(line):
    """The cells of a Markdown table row, without the outer pipes."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def unquote(cell):
    return cell.strip().strip("`").strip()


def word_in(name, text):
    return re.search(r"(?<![\w])%s(?![\w])" % re.escape(name), text) is not None


def check_go_mapping(root):
    problems, rows = [], 0
    path = os.path.join(root, "docs", "go-mapping.md")
    text = read(path)
    body = section(text, "Identifiers")
    if not body:
        return ["docs/go-mapping.md: no \"## Identifiers\" section"], 0
    namespace = None
    cache = {}
    for number, line in body:
        where = "docs/go-mapping.md:%d" % number
        heading = re.match(r"###\s+`([^`]+)`\s*→\s*`([^`]+)`", line)
        if heading:
            namespace = heading.group(2)
            continue
        if not line.startswith("| `"):
            continue
        row = cells(line)
        if len(row) != 4:
            problems.append("%s: expected 4 cells (Go | kind | C++ header | C++ name), got %d" % (where, len(row)))
            continue
        rows += 1
        go_name, _kind, header, cpp_name = (unquote(c) for c in row)
        header_path = os.path.join(root, header)
        if not header.startswith("include/gost/core/") or not os.path.isfile(header_path):
            problems.append("%s: %s: header %s does not exist" % (where, go_name, header))
            continue
        if namespace is None:
            problems.append("%s: %s: row before any \"### `pkg` → `namespace`\" heading" % (where, go_name))
        elif not cpp_name.startswith(namespace + "::"):
            problems.append("%s: %s: %s is not in the section's namespace %s" % (where, go_name, cpp_name, namespace))
        last = re.sub(r"<.*>$", "", cpp_name).split("::")[-1]
        if header_path not in cache:
            cache[header_path] = strip_comments(read(header_path))
        if not last or not word_in(last, cache[header_path]):
            problems.append("%s: %s: %s does not appear in %s" % (where, go_name, last or cpp_name, header))
    if rows == 0:
        problems.append("docs/go-mapping.md: the Identifiers section has no table rows")
    # The vocabulary table: the headers column is relative to include/gost/core/.
    for number, line in section(text, "Go standard library types"):
        if not line.startswith("| `"):
            continue
        row = cells(line)
        header = unquote(row[-1])
        if not os.path.isfile(os.path.join(root, "include", "gost", "core", header)):
            problems.append("docs/go-mapping.md:%d: header %s does not exist" % (number, header))
        rows += 1
    return problems, rows


def check_api_renames(root):
    problems, rows = [], 0
    path = os.path.join(root, "docs", "api-renames.tsv")
    inc = os.path.join(root, "include", "gost", "core")
    for number, line in enumerate(read(path).splitlines(), 1):
        where = "docs/api-renames.tsv:%d" % number
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if number == 1:
            if cols[:4] != ["package", "parent", "go_name", "cpp_name"]:
                problems.append("%s: header row should start package, parent, go_name, cpp_name" % where)
            continue
        if len(cols) != 5 or not all(c.strip() for c in cols):
            problems.append("%s: expected 5 non-empty tab-separated columns, got %d" % (where, len(cols)))
            continue
        rows += 1
        package, parent, go_name, cpp_name, _reason = cols
        if go_name == cpp_name:
            problems.append("%s: %s is not renamed" % (where, go_name))
        folder = os.path.join(inc, package)
        if not os.path.isdir(folder):
            problems.append("%s: package folder include/gost/core/%s does not exist" % (where, package))
            continue
        found_parent = found_member = False
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".hpp"):
                continue
            text = strip_comments(read(os.path.join(folder, name)))
            for m in re.finditer(r"\b(class|struct)\s+%s\b[^;{()]*\{" % re.escape(parent), text):
                found_parent = True
                depth, i = 0, m.end() - 1
                while i < len(text):
                    depth += {"{": 1, "}": -1}.get(text[i], 0)
                    if depth == 0:
                        break
                    i += 1
                if word_in(cpp_name, text[m.end():i]):
                    found_member = True
        if not found_parent:
            problems.append("%s: no class or struct %s in include/gost/core/%s/" % (where, parent, package))
        elif not found_member:
            problems.append("%s: %s::%s is not declared in include/gost/core/%s/" % (where, parent, cpp_name, package))
    if rows == 0:
        problems.append("docs/api-renames.tsv: no rows")
    return problems, rows


def fenced_blocks(text, languages):
    """(line, language, body) for every fenced block in one of `languages`."""
    blocks, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        m = re.match(r"^(\s*)```(\w*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        indent, language, start = m.group(1), m.group(2), i + 1
        i += 1
        body = []
        while i < len(lines) and lines[i].strip() != "```":
            body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
            i += 1
        if language in languages:
            blocks.append((start, language, "\n".join(body) + "\n"))
        i += 1
    return blocks


def check_guide(root):
    problems = []
    guide = os.path.join(root, "docs", "implementing-a-transport.md")
    snippets = os.path.join(root, "docs", "snippets")
    sources = {}
    for dirpath, _, files in os.walk(snippets):
        for name in files:
            path = os.path.join(dirpath, name)
            sources[os.path.relpath(path, root)] = read(path)
    text = read(guide)
    blocks = fenced_blocks(text, ("cpp", "cmake"))
    if not [b for b in blocks if b[1] == "cpp"]:
        problems.append("docs/implementing-a-transport.md: no ```cpp block")
    for line, language, body in blocks:
        if not any(body in source for source in sources.values()):
            first = next((l for l in body.splitlines() if l.strip()), "")
            problems.append("docs/implementing-a-transport.md:%d: this ```%s block is not verbatim in any file "
                            "under docs/snippets/ (starts: %s)" % (line, language, first.strip()))
    for m in re.finditer(r"\]\(([^)#\s]+)(#[^)]*)?\)", text):
        target = m.group(1)
        if re.match(r"^[a-z]+:", target):
            continue  # an absolute URL
        line = text.count("\n", 0, m.start()) + 1
        if not os.path.exists(os.path.normpath(os.path.join(os.path.dirname(guide), target))):
            problems.append("docs/implementing-a-transport.md:%d: link target %s does not exist" % (line, target))
    return problems, len(blocks)


CHECKS = {"go-mapping": check_go_mapping, "api-renames": check_api_renames, "guide": check_guide}


def run(root, name):
    problems, count = CHECKS[name](root)
    for p in problems:
        print(p)
    print("%s: %d checked, %d problem(s)" % (name, count, len(problems)))
    return 1 if problems else 0


def self_test(root):
    """Plants one mistake per kind in a copy of the documents and expects each to be reported."""
    failures = 0
    work = tempfile.mkdtemp(prefix="check_docs_")
    try:
        for folder in ("docs", "include", "examples"):
            src = os.path.join(root, folder)
            if os.path.isdir(src):
                shutil.copytree(src, os.path.join(work, folder))

        def expect(check, needle, mutate):
            nonlocal failures
            mutate()
            problems, _ = CHECKS[check](work)
            if not any(needle in p for p in problems):
                print("self-test: %s did not report \"%s\"; it said: %s" % (check, needle, problems))
                failures += 1

        def edit(rel, old, new, count=1):
            path = os.path.join(work, rel)
            text = read(path)
            if old not in text:
                raise SystemExit("self-test: %r not found in %s" % (old, rel))
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace(old, new, count))

        # The unmodified copy must pass, or the planted mistakes prove nothing.
        for name in CHECKS:
            problems, _ = CHECKS[name](work)
            if problems:
                print("self-test: %s fails on the unmodified documents: %s" % (name, problems))
                failures += 1

        mapping = "docs/go-mapping.md"
        expect("go-mapping", "does not exist",
               lambda: edit(mapping, "`include/gost/core/auth/auth.hpp`", "`include/gost/core/auth/missing.hpp`"))
        expect("go-mapping", "does not appear",
               lambda: edit(mapping, "`gost::core::admission::WithNetwork`", "`gost::core::admission::WithNetworkX`"))
        expect("go-mapping", "section's namespace",
               lambda: edit(mapping, "`gost::core::bypass::WithPathOption`", "`gost::core::auth::WithPathOption`"))
        expect("go-mapping", "expected 4 cells",
               lambda: edit(mapping, "| `bypass.Bypass` | interface |", "| `bypass.Bypass` |"))

        renames = "docs/api-renames.tsv"
        expect("api-renames", "is not declared", lambda: edit(renames, "\tFilterItems\t", "\tFilterThings\t"))
        expect("api-renames", "no class or struct", lambda: edit(renames, "\tFilter\tFilter\t", "\tSieve\tFilter\t"))
        expect("api-renames", "package folder", lambda: edit(renames, "selector\t", "selectors\t"))

        guide = "docs/implementing-a-transport.md"
        expect("guide", "not verbatim",
               lambda: edit(guide, "class LineConnector final", "class LineConnector  final"))
        expect("guide", "link target", lambda: edit(guide, "](", "](no-such-file.md", 1))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("self-test: %s" % ("every planted mistake was reported" if failures == 0 else "%d failure(s)" % failures))
    return 1 if failures else 0


def main(argv):
    if len(argv) == 3 and argv[2] == "--self-test":
        return self_test(os.path.abspath(argv[1]))
    if len(argv) != 3 or argv[2] not in CHECKS:
        print(__doc__)
        return 2
    return run(os.path.abspath(argv[1]), argv[2])


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Runs the interpreter's test programs on real CPython and compares.

The chunk files in wasm/py/testdata hold small programs with the output
the simulator must print, each line prefixed by its virtual time. This
script runs every chunk that needs no special setting on the python3 at
hand, with a prelude that prefixes each print with the seconds since start
and defines cpu(seconds) as a loop that burns that much CPU time of its own
thread. It reports lines whose text differs, or whose time is off by more
than --tolerance seconds (default 0.05); a number in a line's text may
differ by as much (plus one unit of its last digit), so that a program
that prints its own timings is not failed for rounding. CPython runs with PYTHONHASHSEED=0,
the string hashing the simulator reproduces, so sets print in one order.

Usage: scripts/check-chunks-cpython.py [--tolerance S] [FILE.chunks ...]
Exit status 1 when any chunk disagrees.
"""
import argparse
import glob
import re
import os
import subprocess
import sys
import tempfile

PRELUDE = r'''
import builtins as _builtins
import time as _time
_start = _time.perf_counter()
_print = _builtins.print
_line_start = [True]
def _timed_print(*args, sep=" ", end="\n", file=None, flush=False):
    # the time goes at the start of a line; print(..., end="") goes on
    # it. The line is written in one piece, so that two threads printing
    # at once do not interleave their times and texts.
    text = sep.join(str(a) for a in args) + end
    if _line_start[0] and file is None:
        text = "%.3f " % (_time.perf_counter() - _start) + text
    _print(text, end="", file=file, flush=True)
    if file is None:
        _line_start[0] = end.endswith("\n")
_builtins.print = _timed_print
def cpu(seconds):
    end = _time.thread_time() + seconds
    while _time.thread_time() < end:
        pass
_builtins.cpu = cpu
'''


def chunks(path):
    text = open(path, encoding="utf-8").read()
    for part in text.split("### ")[1:]:
        head, body = part.split("\n", 1)
        if "--- output\n" not in body:
            continue
        code, want = body.split("--- output\n", 1)
        yield head.split(), code, want.splitlines()


def run(code, tmp):
    path = os.path.join(tmp, "chunk.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(code)
    # Import asyncio (and AnyIO's asyncio backend, which AnyIO otherwise
    # imports on first use) first, so that import time is not counted. The
    # chunk runs as __main__ (so that a process pool can pickle its
    # functions), with the __file__ the simulator gives it.
    # The code is compiled from its real file, so a traceback quotes its
    # lines as the simulator's does.
    # The prelude runs in a namespace of its own, and the imports' names
    # leave __main__'s, so the chunk's globals hold only what it defines
    # (CPython's "Did you mean" looks there first).
    boot = ("import asyncio\ntry:\n    import anyio, anyio.to_thread, anyio.from_thread, anyio._backends._asyncio\nexcept ImportError:\n    pass\n"
            "exec(%r, {})\ndel asyncio\nglobals().pop('anyio', None)\n__file__ = '/app/chunk.py'\nexec(compile(open(%r).read(), %r, 'exec'))\n" % (PRELUDE, path, path))
    # PYTHONHASHSEED=0: CPython salts str hashes at random on each start,
    # which reorders sets of strings from run to run; the simulator
    # hashes as CPython does with the salt fixed at 0.
    env = dict(os.environ, PYTHONHASHSEED="0")
    # In the temporary directory: the chunks that write files write there.
    out = subprocess.run([sys.executable, "-c", boot], capture_output=True, text=True, timeout=120, env=env, cwd=tmp)
    lines = out.stdout.splitlines()
    # stderr (a traceback, logging's records) comes untimed
    lines.extend("- " + l for l in out.stderr.strip().splitlines())
    # The file is /app/chunk.py to the simulator, in warnings too.
    return [l.replace(path, "/app/chunk.py") for l in lines]


def timed(line):
    """Splits "0.500 text" into (0.5, "text"); a line that goes on a
    print of several lines, or an uncaught exception's "- " line, has no
    time (None) and is the whole text."""
    t, _, text = line.partition(" ")
    if t == "-":
        return None, text
    try:
        return float(t), text
    except ValueError:
        return None, line


NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def near(a, b, tolerance):
    """Whether two printed lines differ only in numbers that are within
    the tolerance of each other (plus one unit of the last printed digit):
    a program that prints round(elapsed, 2) may print 0.25 in the
    simulator and 0.26 on a busy machine."""
    if NUMBER.split(a) != NUMBER.split(b):
        return False
    for x, y in zip(NUMBER.findall(a), NUMBER.findall(b)):
        if x == y:
            continue
        places = max(len(x.partition(".")[2]), len(y.partition(".")[2]))
        if places == 0 or abs(float(x) - float(y)) > tolerance + 10 ** -places:
            return False
    return True


def compare(got, want, tolerance):
    problems = []
    remaining = [timed(g) for g in got]
    for line in want:
        t, text = timed(line)
        if text.startswith("Traceback") or text.startswith("  File"):
            continue  # CPython's traceback has asyncio's own frames too
        match = next((g for g in remaining if g[1] == text), None)
        if match is None:
            match = next((g for g in remaining if near(g[1], text, tolerance)), None)
        if match is None:
            problems.append("missing: " + line)
            continue
        remaining.remove(match)
        if t is None or match[0] is None:
            continue
        if abs(match[0] - t) > tolerance:
            problems.append("at %.3f, simulator says %.3f: %s" % (match[0], t, text))
    for t, text in remaining:
        # what CPython printed and the simulator did not (a traceback's
        # frames and source lines aside: the simulator's has fewer)
        if text.startswith(("Traceback", " ", "^")) or not text.strip():
            continue
        problems.append("CPython also printed: " + ("%.3f " % t if t is not None else "") + text)
    return problems


def support_rows(root):
    """The simulated rows of the table behind the site's "What LoopLab
    runs" page (wasm/py/support/support.txt): (line, what, chunk names)."""
    rows = []
    path = os.path.join(root, "wasm", "py", "support", "support.txt")
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.startswith("+ "):
            continue
        what, _, programs = line[2:].split("|")
        chunks = [p.strip() for p in programs.split(",") if p.strip() and not p.strip().startswith("fidelity:")]
        rows.append((n, what.strip(), chunks))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tolerance", type=float, default=0.05)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = args.files or sorted(glob.glob(os.path.join(root, "wasm", "py", "testdata", "*.chunks")))
    failed = 0
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            for head, code, want in chunks(path):
                name = head[0]
                if len(head) > 1:
                    print("skip  %s (needs %s)" % (name, " ".join(head[1:])))
                    continue
                problems = compare(run(code, tmp), want, args.tolerance)
                results[name] = not problems
                print(("ok    " if not problems else "DIFF  ") + name)
                for p in problems:
                    print("        " + p)
                failed += bool(problems)
    print("%d chunk(s) disagree with CPython %s" % (failed, sys.version.split()[0]))
    if not args.files:
        # what the site's page claims, row by row
        rows = support_rows(root)
        agree = disagree = apps = 0
        for n, what, names in rows:
            missing = [c for c in names if c not in results]
            differ = [c for c in names if results.get(c) is False]
            if missing:
                print("support.txt:%d: %s: no such chunk %s" % (n, what, ", ".join(missing)))
                failed += 1
            elif differ:
                print("support.txt:%d: %s: %s disagree(s)" % (n, what, ", ".join(differ)))
                disagree += 1
            elif names:
                agree += 1
            else:
                apps += 1
        print("the page's simulated rows: %d agree in every program here, %d do not, %d are checked by make fidelity or not compared"
              % (agree, disagree, apps))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

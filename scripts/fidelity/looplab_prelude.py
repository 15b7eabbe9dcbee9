"""What a LoopLab scenario needs to run on real CPython.

The fidelity harness copies this file (and looplab_cpu.py, from the
playground's export) next to each scenario and makes the scenario import it
first. It provides:

- cpu(seconds), from looplab_cpu.py: pure-Python CPU work that takes that
  long on one core alone. It runs a counting loop until its own thread has
  used that much CPU time, so under contention (the GIL, busy cores) it
  takes longer, exactly as real CPU-bound code does. Counting iterations
  instead would drift: these virtual CPUs run a short burst faster than a
  long one.
- With LOOPLAB_SWITCH_INTERVAL=S, sys.setswitchinterval(S), as the
  scenario's switch_interval setting asks. The environment reaches every
  process that imports the scenario (uvicorn's workers, a process pool's),
  so each applies it, as each simulated process does.
- With LOOPLAB_TIMED_PRINT=1, print() prefixes every line with the
  time.perf_counter() at which it was printed, so the harness can time a
  script's output without trusting pipe buffering.
"""
import builtins
import os
import sys
import time

from looplab_cpu import cpu  # noqa: F401 (re-exported for the scenarios)


def _spin(n):
    x = 0
    for _ in range(n):
        x += 1
    return x


def calibrate(seconds=0.2):
    """Counting-loop iterations per second on one core, alone (for reports)."""
    n = 50_000
    while True:
        start = time.perf_counter()
        _spin(n)
        took = time.perf_counter() - start
        if took >= seconds:
            return n / took
        n *= 2


if os.environ.get("LOOPLAB_SWITCH_INTERVAL"):
    sys.setswitchinterval(float(os.environ["LOOPLAB_SWITCH_INTERVAL"]))

if os.environ.get("LOOPLAB_TIMED_PRINT") == "1":
    _print = builtins.print

    def _timed_print(*args, **kwargs):
        kwargs.setdefault("flush", True)
        _print("%.6f\t" % time.perf_counter(), end="")
        _print(*args, **kwargs)

    builtins.print = _timed_print

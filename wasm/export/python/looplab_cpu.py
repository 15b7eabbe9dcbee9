"""cpu(seconds), as LoopLab's simulator runs it, for real CPython.

cpu(s) is pure-Python CPU work, like factorizing a number, that takes s
seconds on one core alone. It counts in a loop until its own thread has used
s seconds of CPU time (time.thread_time), so when threads share the GIL or
processes share the cores it takes longer, as real CPU-bound code does.
Counting a fixed number of iterations instead would depend on the machine.
"""
import time

# Iterations between two looks at the clock: about 0.1 ms of work, so the
# clock costs little and cpu() overshoots by no more than that.
_CHUNK = 4096


def cpu(seconds):
    end = time.thread_time() + seconds
    x = 0
    while time.thread_time() < end:
        for _ in range(_CHUNK):
            x += 1

# The executors as a program uses them directly: submit, map, shutdown,
# "with", and the module's wait and as_completed, which block the
# calling thread. The workers themselves are the simulator's pools.
import concurrent.futures as _cf

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


class Executor:
    def __init__(self, max_workers=None, process=False, thread_name_prefix=""):
        self._pool = _cf._new_pool(max_workers, process, thread_name_prefix)
        self._futures = []
        self._shutdown = False

    def __repr__(self):
        return repr(self._pool)

    def submit(self, fn, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        f = _cf._submit(self._pool, fn, args, kwargs)
        self._futures.append(f)
        return f

    def map(self, fn, *iterables, timeout=None):
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        return _results(fs)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        _cf._shutdown(self._pool)
        if wait:
            _cf._wait_all(self._futures)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown(wait=True)
        return False


def _results(fs):
    for f in fs:
        yield f.result()


class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        super().__init__(max_workers, False, thread_name_prefix)


class ProcessPoolExecutor(Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=()):
        super().__init__(max_workers, True)


def as_completed(fs, timeout=None):
    pending = list(fs)
    while pending:
        done = _cf._wait_any(pending, timeout, True)
        for f in done:
            pending.remove(f)
            yield f


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = list(fs)
    if return_when == ALL_COMPLETED:
        _cf._wait_all(fs, timeout, False)
    else:
        _cf._wait_any(fs, timeout, False)
    done = [f for f in fs if f.done()]
    return done, [f for f in fs if not f.done()]

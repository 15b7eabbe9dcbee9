# multiprocessing.Pool on the simulator's process pools: its workers are
# processes with a GIL each, as ProcessPoolExecutor's are.
from concurrent.futures import ProcessPoolExecutor


class AsyncResult:
    def __init__(self, future):
        self._future = future

    def get(self, timeout=None):
        return self._future.result(timeout)

    def wait(self, timeout=None):
        try:
            self._future.result(timeout)
        except Exception:
            pass

    def ready(self):
        return self._future.done()


class Pool:
    def __init__(self, processes=None):
        self._executor = ProcessPoolExecutor(max_workers=processes)

    def map(self, func, iterable, chunksize=None):
        return list(self._executor.map(func, iterable))

    def starmap(self, func, iterable, chunksize=None):
        fs = [self._executor.submit(func, *args) for args in iterable]
        return [f.result() for f in fs]

    def imap(self, func, iterable, chunksize=1):
        return self._executor.map(func, iterable)

    def apply(self, func, args=(), kwds={}):
        return self._executor.submit(func, *args, **kwds).result()

    def apply_async(self, func, args=(), kwds={}):
        return AsyncResult(self._executor.submit(func, *args, **kwds))

    def map_async(self, func, iterable, chunksize=None):
        fs = [self._executor.submit(func, x) for x in iterable]
        return _MapResult(fs)

    def close(self):
        pass

    def join(self):
        self._executor.shutdown(wait=True)

    def terminate(self):
        self._executor.shutdown(wait=False)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.terminate()


class _MapResult:
    def __init__(self, fs):
        self._fs = fs

    def get(self, timeout=None):
        return [f.result(timeout) for f in self._fs]

    def ready(self):
        return all(f.done() for f in self._fs)

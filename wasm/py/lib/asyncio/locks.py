# asyncio's Event, Condition and Barrier, built on futures.
import asyncio


class Event:
    # what the timeline calls a wait on it (a queue's join waits on one)
    _label = "event.wait()"

    def __init__(self):
        self._waiters = []
        self._value = False

    def __repr__(self):
        state = "set" if self._value else "unset"
        return f"<asyncio.locks.Event object [{state}]>"

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for w in self._waiters:
                if not w.done():
                    w.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        w = asyncio.get_running_loop()._waiter(self._label, self._waiters)
        self._waiters.append(w)
        await w
        return True


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = asyncio.Lock()
        self._lock = lock
        self._waiters = []

    async def __aenter__(self):
        await self._lock.acquire()

    async def __aexit__(self, *exc):
        self._lock.release()

    def locked(self):
        return self._lock.locked()

    async def acquire(self):
        return await self._lock.acquire()

    def release(self):
        self._lock.release()

    async def wait(self):
        if not self._lock.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        self._lock.release()
        try:
            w = asyncio.get_running_loop()._waiter("condition.wait()", self._waiters)
            self._waiters.append(w)
            await w
            return True
        finally:
            await self._lock.acquire()

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._lock.locked():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken = 0
        for w in list(self._waiters):
            if woken >= n:
                break
            if not w.done():
                woken += 1
                w.set_result(False)
                self._waiters.remove(w)

    def notify_all(self):
        self.notify(len(self._waiters))


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    def __init__(self, parties):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._parties = parties
        self._count = 0
        self._waiters = []
        self._broken = False

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count

    @property
    def broken(self):
        return self._broken

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *exc):
        pass

    async def wait(self):
        if self._broken:
            raise BrokenBarrierError
        index = self._count
        self._count += 1
        if self._count == self._parties:
            waiters = self._waiters
            self._waiters = []
            self._count = 0
            for w in waiters:
                if not w.done():
                    w.set_result(True)
            return index
        w = asyncio.get_running_loop()._waiter("barrier.wait()", self._waiters)
        self._waiters.append(w)
        await w
        if self._broken:
            raise BrokenBarrierError
        return index

    async def abort(self):
        self._broken = True
        for w in self._waiters:
            if not w.done():
                w.set_result(False)
        self._waiters = []

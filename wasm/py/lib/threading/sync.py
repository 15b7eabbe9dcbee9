# threading's Lock, RLock, Event, Semaphore and Condition, on one
# primitive: a waiter a thread blocks on (GIL released) until another
# thread wakes it or the timeout passes.
import threading as _t


class Lock:
    def __init__(self):
        self._locked = False
        self._waiters = []

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        w = _t._waiter("lock.acquire()")
        self._waiters.append(w)
        if not _t._block(w, timeout):
            self._waiters.remove(w)
            return False
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        if self._waiters:
            self._waiters.pop(0).wake()  # handed over: stays locked
        else:
            self._locked = False

    def locked(self):
        return self._locked

    def __enter__(self):
        self.acquire()
        return True

    def __exit__(self, *exc):
        self.release()


class RLock:
    def __init__(self):
        self._lock = Lock()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = _t.get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if not self._lock.acquire(blocking, timeout):
            return False
        self._owner, self._count = me, 1
        return True

    def release(self):
        if self._owner != _t.get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._lock.release()

    def __enter__(self):
        self.acquire()
        return True

    def __exit__(self, *exc):
        self.release()


class Event:
    def __init__(self):
        self._flag = False
        self._waiters = []

    def is_set(self):
        return self._flag

    def set(self):
        self._flag = True
        waiters, self._waiters = self._waiters, []
        for w in waiters:
            w.wake()

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        w = _t._waiter("event.wait()")
        self._waiters.append(w)
        ok = _t._block(w, -1 if timeout is None else timeout)
        if not ok and w in self._waiters:
            self._waiters.remove(w)
        return self._flag


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value
        self._waiters = []

    def acquire(self, blocking=True, timeout=None):
        if self._value > 0 and not self._waiters:
            self._value -= 1
            return True
        if not blocking:
            return False
        w = _t._waiter("semaphore.acquire()")
        self._waiters.append(w)
        if not _t._block(w, -1 if timeout is None else timeout):
            self._waiters.remove(w)
            return False
        return True

    def release(self, n=1):
        for _ in range(n):
            if self._waiters:
                self._waiters.pop(0).wake()
            else:
                self._value += 1

    def __enter__(self):
        self.acquire()
        return True

    def __exit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        super().__init__(value)
        self._initial = value

    def release(self, n=1):
        if self._value + n > self._initial and not self._waiters:
            raise ValueError("Semaphore released too many times")
        super().release(n)


class Condition:
    def __init__(self, lock=None):
        self._lock = lock if lock is not None else RLock()
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        self._lock.release()

    def wait(self, timeout=None):
        w = _t._waiter("condition.wait()")
        self._waiters.append(w)
        self._lock.release()
        try:
            ok = _t._block(w, -1 if timeout is None else timeout)
            if not ok and w in self._waiters:
                self._waiters.remove(w)
            return ok
        finally:
            self._lock.acquire()

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        while not result:
            self.wait(timeout)
            result = predicate()
        return result

    def notify(self, n=1):
        for _ in range(min(n, len(self._waiters))):
            self._waiters.pop(0).wake()

    def notify_all(self):
        self.notify(len(self._waiters))

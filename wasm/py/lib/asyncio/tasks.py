# asyncio's wait, as_completed, TaskGroup and timeout, built on futures
# as the standard library builds them: a waiting task parks on a future
# that the futures it waits for (or a timer) complete.
import asyncio

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


def _split(fs):
    done = [f for f in fs if f.done()]
    pending = [f for f in fs if not f.done()]
    return done, pending


def _satisfied(done, pending, return_when):
    if not pending:
        return True
    if return_when == FIRST_COMPLETED:
        return len(done) > 0
    if return_when == FIRST_EXCEPTION:
        for f in done:
            if not f.cancelled() and f.exception() is not None:
                return True
    return False


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f"Invalid return_when value: {return_when}")
    fs = list(fs)
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    for f in fs:
        if type(f).__name__ == "coroutine":
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = asyncio.get_running_loop()
    deadline = None if timeout is None else loop.time() + timeout
    timer = None
    while True:
        done, pending = _split(fs)
        if _satisfied(done, pending, return_when):
            break
        if deadline is not None and loop.time() >= deadline:
            break
        waiter = loop._waiter("asyncio.wait(...)", [])
        for f in pending:
            loop._notify(f, waiter)
        if deadline is not None:
            timer = loop._wake_at(deadline, waiter)
        await waiter
        if timer is not None:
            timer.cancel()
    return done, pending


def as_completed(fs, *, timeout=None):
    loop = asyncio.get_running_loop()
    todo = [asyncio.ensure_future(f) for f in fs]
    order = loop._completion_order(todo)
    deadline = None if timeout is None else loop.time() + timeout
    taken = 0

    async def _wait_for_one():
        nonlocal taken
        while len(order) <= taken:
            if deadline is not None and loop.time() >= deadline:
                raise TimeoutError
            waiter = loop._waiter("as_completed(...)", [])
            for f in todo:
                if not f.done():
                    loop._notify(f, waiter)
            timer = None
            if deadline is not None:
                timer = loop._wake_at(deadline, waiter)
            await waiter
            if timer is not None:
                timer.cancel()
        f = order[taken]
        taken += 1
        return f.result()

    for _ in range(len(todo)):
        yield _wait_for_one()


class TaskGroup:
    def __init__(self):
        self._tasks = []
        self._errors = []
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._parent = None
        self._parent_cancel_requested = False

    def __repr__(self):
        return f"<TaskGroup tasks={len([t for t in self._tasks if not t.done()])}>"

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        self._entered = True
        self._parent = asyncio.current_task()
        return self

    def create_task(self, coro, *, name=None):
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = asyncio.create_task(coro)
        self._tasks.append(task)
        # a task that fails aborts the group at once: its siblings are
        # cancelled, and so is the parent while it is still in the body
        asyncio.get_running_loop()._taskgroup_watch(task, self)
        return task

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        propagate = None
        if exc is not None and not self._aborting and not isinstance(exc, asyncio.CancelledError):
            self._abort()
        while True:
            pending = [t for t in self._tasks if not t.done()]
            if not pending:
                break
            waiter = asyncio.get_running_loop()._waiter("the TaskGroup's tasks", [])
            for t in pending:
                asyncio.get_running_loop()._notify(t, waiter)
            try:
                await waiter
            except asyncio.CancelledError as e:
                if not self._aborting:
                    propagate = e
                    self._abort()
        if et is not None and not issubclass(et, asyncio.CancelledError):
            self._errors.append(exc)
        if self._errors:
            raise BaseExceptionGroup("unhandled errors in a TaskGroup", self._errors) if any(not isinstance(e, Exception) for e in self._errors) else ExceptionGroup("unhandled errors in a TaskGroup", self._errors)
        if propagate is not None:
            raise propagate
        if et is not None and issubclass(et, asyncio.CancelledError) and self._parent_cancel_requested:
            return True  # the group cancelled its parent itself: that ends here
        return None


class Timeout:
    def __init__(self, when):
        self._when = when
        self._handle = None
        self._expired = False
        self._task = None

    def __repr__(self):
        state = "expired" if self._expired else "active"
        return f"<Timeout [{state}] when={self._when}>"

    def when(self):
        return self._when

    def expired(self):
        return self._expired

    def reschedule(self, when):
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self._when = when
        if when is not None and self._task is not None:
            self._arm()

    def _arm(self):
        loop = asyncio.get_running_loop()
        delay = max(0, self._when - loop.time())
        self._handle = loop._cancel_at(self._when, self._task, self, f"asyncio.timeout expires after {delay:g} s and cancels the task")

    async def __aenter__(self):
        self._task = asyncio.current_task()
        if self._when is not None:
            self._arm()
        return self

    async def __aexit__(self, et, exc, tb):
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._expired and et is not None and issubclass(et, asyncio.CancelledError):
            raise TimeoutError
        return None


def timeout(delay):
    loop = asyncio.get_running_loop()
    return Timeout(None if delay is None else loop.time() + delay)


def timeout_at(when):
    return Timeout(when)

# AnyIO on its asyncio backend, as Starlette and FastAPI run it: task
# groups, cancel scopes with deadlines, memory object streams and the
# synchronisation primitives, written on asyncio's tasks and futures.
import asyncio


def run(func, *args, backend="asyncio"):
    return asyncio.run(func(*args))


async def sleep(delay):
    await asyncio.sleep(delay)


def get_cancelled_exc_class():
    return asyncio.CancelledError


class EndOfStream(Exception):
    pass


class ClosedResourceError(Exception):
    pass


class BrokenResourceError(Exception):
    pass


class WouldBlock(Exception):
    pass


class CancelScope:
    def __init__(self, *, deadline=None, shield=False):
        self._deadline = deadline
        self._task = None
        self._handle = None
        self._expired = False
        self._cancel_called = False
        self.cancelled_caught = False
        self._children = []

    @property
    def deadline(self):
        return self._deadline

    @property
    def cancel_called(self):
        return self._cancel_called

    def cancel(self):
        if self._cancel_called:
            return
        self._cancel_called = True
        self._expired = True
        for t in self._children:
            if not t.done():
                t.cancel()
        if self._task is not None and self._inside:
            self._task.cancel()

    def __enter__(self):
        self._task = asyncio.current_task()
        self._inside = True
        if self._deadline is not None:
            loop = asyncio.get_running_loop()
            delay = max(0, self._deadline - loop.time())
            self._handle = loop._cancel_at(self._deadline, self._task, self, f"the cancel scope's deadline passes after {delay:g} s and cancels the task")
        return self

    def __exit__(self, et, exc, tb):
        self._inside = False
        if self._handle is not None:
            self._handle.cancel()
        if self._expired and et is not None and issubclass(et, asyncio.CancelledError):
            self._cancel_called = True
            self.cancelled_caught = True
            return True
        return None


def move_on_after(delay, shield=False):
    return CancelScope(deadline=asyncio.get_running_loop().time() + delay)


class _FailAfter(CancelScope):
    def __exit__(self, et, exc, tb):
        if super().__exit__(et, exc, tb):
            raise TimeoutError
        return None


def fail_after(delay, shield=False):
    return _FailAfter(deadline=asyncio.get_running_loop().time() + delay)


def current_time():
    return asyncio.get_running_loop().time()


class TaskGroup:
    def __init__(self):
        self.cancel_scope = CancelScope()
        self._tasks = []
        self._errors = []
        self._aborting = False
        self._exiting = False
        self._parent = None
        self._parent_cancel_requested = False

    async def __aenter__(self):
        self._parent = asyncio.current_task()
        self.cancel_scope._task = self._parent
        self.cancel_scope._inside = True
        self.cancel_scope._children = self._tasks
        return self

    def start_soon(self, func, *args, name=None):
        task = asyncio.create_task(func(*args))
        self._tasks.append(task)
        # a task that fails cancels its siblings, and the host while it
        # is still in the body (the same watch as asyncio's TaskGroup)
        asyncio.get_running_loop()._taskgroup_watch(task, self)

    async def start(self, func, *args, name=None):
        status = _TaskStatus()
        task = asyncio.create_task(func(*args, task_status=status))
        self._tasks.append(task)
        asyncio.get_running_loop()._taskgroup_watch(task, self)
        return await status._wait()

    async def __aexit__(self, et, exc, tb):
        scope = self.cancel_scope
        scope._inside = False
        self._exiting = True
        if et is not None and not issubclass(et, asyncio.CancelledError):
            self._errors.append(exc)
            scope.cancel()
        loop = asyncio.get_running_loop()
        while True:
            pending = [t for t in self._tasks if not t.done()]
            if not pending:
                break
            waiter = loop._waiter("the task group's tasks", [])
            for t in pending:
                loop._notify(t, waiter)
            try:
                await waiter
            except asyncio.CancelledError:
                scope.cancel()
        if self._errors:
            raise ExceptionGroup("unhandled errors in a TaskGroup", self._errors)
        if et is not None and issubclass(et, asyncio.CancelledError):
            if scope._cancel_called or self._parent_cancel_requested:
                return True
        return None


class _TaskStatus:
    def __init__(self):
        self._value = None
        self._done = asyncio.Event()

    def started(self, value=None):
        self._value = value
        self._done.set()

    async def _wait(self):
        await self._done.wait()
        return self._value


def create_task_group():
    return TaskGroup()


class Event:
    def __init__(self):
        self._event = asyncio.Event()

    def set(self):
        self._event.set()

    def is_set(self):
        return self._event.is_set()

    async def wait(self):
        await self._event.wait()


class Lock:
    def __init__(self):
        self._lock = asyncio.Lock()

    async def __aenter__(self):
        await self._lock.acquire()

    async def __aexit__(self, *exc):
        self._lock.release()

    async def acquire(self):
        await self._lock.acquire()

    def release(self):
        self._lock.release()

    def locked(self):
        return self._lock.locked()


class Semaphore:
    def __init__(self, initial_value):
        self._value = initial_value
        self._sem = asyncio.Semaphore(initial_value)

    async def __aenter__(self):
        await self._sem.acquire()

    async def __aexit__(self, *exc):
        self._sem.release()

    async def acquire(self):
        await self._sem.acquire()

    def release(self):
        self._sem.release()


class CapacityLimiter:
    def __init__(self, total_tokens):
        self.total_tokens = total_tokens
        self._borrowed = 0
        self._sem = asyncio.Semaphore(total_tokens)

    @property
    def borrowed_tokens(self):
        return self._borrowed

    @property
    def available_tokens(self):
        return self.total_tokens - self._borrowed

    async def __aenter__(self):
        await self._sem.acquire()
        self._borrowed += 1

    async def __aexit__(self, *exc):
        self._borrowed -= 1
        self._sem.release()


class _StreamState:
    def __init__(self, max_buffer_size):
        self.max = max_buffer_size
        self.buffer = []
        self.senders = []
        self.receivers = []
        self.open_send = 1
        self.open_receive = 1


class _Stream:
    # what both ends share: closing, also with "with" and "async with"
    async def aclose(self):
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()


class MemoryObjectSendStream(_Stream):
    def __init__(self, state):
        self._state = state
        self._closed = False

    def send_nowait(self, item):
        st = self._state
        if self._closed:
            raise ClosedResourceError
        if not st.open_receive:
            raise BrokenResourceError
        while st.receivers:
            r = st.receivers.pop(0)
            if not r.done():
                r.set_result(item)
                return
        if len(st.buffer) < st.max:
            st.buffer.append(item)
            return
        raise WouldBlock

    async def send(self, item):
        try:
            self.send_nowait(item)
            return
        except WouldBlock:
            pass
        st = self._state
        w = asyncio.get_running_loop()._waiter("send_stream.send()", st.senders)
        st.senders.append((w, item))
        await w

    def close(self):
        if not self._closed:
            self._closed = True
            st = self._state
            st.open_send -= 1
            if st.open_send == 0:
                for r in st.receivers:
                    if not r.done():
                        r.set_exception(EndOfStream())
                st.receivers = []

    def clone(self):
        self._state.open_send += 1
        return MemoryObjectSendStream(self._state)


class MemoryObjectReceiveStream(_Stream):
    def __init__(self, state):
        self._state = state
        self._closed = False

    def receive_nowait(self):
        st = self._state
        if self._closed:
            raise ClosedResourceError
        if st.buffer:
            item = st.buffer.pop(0)
            self._refill()
            return item
        while st.senders:
            w, item = st.senders.pop(0)
            if not w.done():
                w.set_result(None)
                return item
        if not st.open_send:
            raise EndOfStream
        raise WouldBlock

    def _refill(self):
        st = self._state
        while st.senders and len(st.buffer) < st.max:
            w, item = st.senders.pop(0)
            if not w.done():
                st.buffer.append(item)
                w.set_result(None)

    async def receive(self):
        try:
            return self.receive_nowait()
        except WouldBlock:
            pass
        st = self._state
        w = asyncio.get_running_loop()._waiter("receive_stream.receive()", st.receivers)
        st.receivers.append(w)
        return await w

    async def __aiter__(self):
        while True:
            try:
                item = await self.receive()
            except EndOfStream:
                return
            yield item

    def close(self):
        if not self._closed:
            self._closed = True
            self._state.open_receive -= 1

    def clone(self):
        self._state.open_receive += 1
        return MemoryObjectReceiveStream(self._state)


def create_memory_object_stream(max_buffer_size=0, item_type=None):
    st = _StreamState(max_buffer_size)
    return MemoryObjectSendStream(st), MemoryObjectReceiveStream(st)

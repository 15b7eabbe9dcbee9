# asyncio's queues, built on futures as the standard library builds them:
# a get on an empty queue (or a put on a full one) parks a future and
# loops when woken, since another task may have taken the item first.
import asyncio


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


def _wake_first(waiters):
    while waiters:
        w = waiters.pop(0)
        if not w.done():
            w.set_result(None)
            return


class Queue:
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished = 0
        self._finished = asyncio.Event()
        self._finished._label = "queue.join()"
        self._finished.set()
        self._init()

    def _init(self):
        self._items = []

    def _put(self, item):
        self._items.append(item)

    def _get(self):
        return self._items.pop(0)

    def _format(self):
        text = f"maxsize={self._maxsize!r}"
        if self._items:
            text += f" _queue={list(self._items)!r}"
        if self._getters:
            text += f" _getters[{len(self._getters)}]"
        if self._putters:
            text += f" _putters[{len(self._putters)}]"
        if self._unfinished:
            text += f" tasks={self._unfinished}"
        return text

    def __repr__(self):
        return f"<{type(self).__name__} {self._format()}>"

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def full(self):
        return 0 < self._maxsize <= self.qsize()

    async def put(self, item):
        while self.full():
            putter = asyncio.get_running_loop()._waiter("queue.put()", self._putters)
            self._putters.append(putter)
            await putter
        self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished += 1
        self._finished.clear()
        _wake_first(self._getters)

    async def get(self):
        while self.empty():
            getter = asyncio.get_running_loop()._waiter("queue.get()", self._getters)
            self._getters.append(getter)
            await getter
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        _wake_first(self._putters)
        return item

    def task_done(self):
        if self._unfinished <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished -= 1
        if self._unfinished == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished > 0:
            await self._finished.wait()


class LifoQueue(Queue):
    def _get(self):
        return self._items.pop()


class PriorityQueue(Queue):
    # a binary heap, smallest first, as heapq keeps it
    def _put(self, item):
        items = self._items
        items.append(item)
        i = len(items) - 1
        while i > 0:
            parent = (i - 1) // 2
            if items[i] < items[parent]:
                items[i], items[parent] = items[parent], items[i]
                i = parent
            else:
                break

    def _get(self):
        items = self._items
        last = items.pop()
        if not items:
            return last
        top = items[0]
        items[0] = last
        i = 0
        n = len(items)
        while True:
            small = i
            for child in (2 * i + 1, 2 * i + 2):
                if child < n and items[child] < items[small]:
                    small = child
            if small == i:
                return top
            items[i], items[small] = items[small], items[i]
            i = small

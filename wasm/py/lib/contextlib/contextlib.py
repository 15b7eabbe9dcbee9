# contextlib's decorators, built on generators as the standard library
# builds them: the code before the yield is __enter__ (or __aenter__), the
# code after it is __exit__, and an exception in the with block is thrown
# in at the yield.


class _GeneratorContextManager:
    def __init__(self, gen):
        self._gen = gen

    def __enter__(self):
        try:
            return next(self._gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield")

    def __exit__(self, typ, value, tb):
        if typ is None:
            try:
                next(self._gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self._gen.throw(value)
        except StopIteration:
            return True
        except BaseException as exc:
            if exc is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager:
    def __init__(self, gen):
        self._gen = gen

    async def __aenter__(self):
        try:
            return await self._gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield")

    async def __aexit__(self, typ, value, tb):
        if typ is None:
            try:
                await self._gen.__anext__()
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            await self._gen.athrow(value)
        except StopAsyncIteration:
            return True
        except BaseException as exc:
            if exc is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    def helper(*args, **kwargs):
        return _GeneratorContextManager(func(*args, **kwargs))
    return helper


def asynccontextmanager(func):
    def helper(*args, **kwargs):
        return _AsyncGeneratorContextManager(func(*args, **kwargs))
    return helper


class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, typ, value, tb):
        return typ is not None and issubclass(typ, self._exceptions)


class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *exc):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *exc):
        pass

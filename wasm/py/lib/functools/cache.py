# functools.lru_cache and cache: results kept by arguments, the least
# recently used dropped past maxsize, with cache_info() and cache_clear().
from collections import namedtuple

_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


class _LRUWrapper:
    def __init__(self, func, maxsize):
        self.__wrapped__ = func
        self._maxsize = maxsize
        self._results = {}
        self._hits = 0
        self._misses = 0

    def __call__(self, *args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key in self._results:
            self._hits += 1
            value = self._results.pop(key)
            self._results[key] = value  # now the most recently used
            return value
        self._misses += 1
        value = self.__wrapped__(*args, **kwargs)
        if self._maxsize is None or self._maxsize > 0:
            self._results[key] = value
            if self._maxsize is not None and len(self._results) > self._maxsize:
                del self._results[next(iter(self._results))]
        return value

    def __get__(self, obj, objtype=None):
        # on a method: the call gets the instance first, and the cache
        # keeps results by it too, as CPython's does
        if obj is None:
            return self
        return _BoundCache(self, obj)

    def cache_info(self):
        return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._results))

    def cache_clear(self):
        self._results = {}
        self._hits = 0
        self._misses = 0


class _BoundCache:
    def __init__(self, cache, obj):
        self._cache = cache
        self._obj = obj

    def __call__(self, *args, **kwargs):
        return self._cache(self._obj, *args, **kwargs)

    def cache_info(self):
        return self._cache.cache_info()

    def cache_clear(self):
        self._cache.cache_clear()


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, bool):
        return _LRUWrapper(maxsize, 128)  # used bare: @lru_cache

    def decorating(func):
        return _LRUWrapper(func, maxsize)

    return decorating


def cache(func):
    return _LRUWrapper(func, None)

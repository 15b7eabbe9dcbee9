# collections' deque, defaultdict, Counter and namedtuple, as classes of
# their own: they behave as CPython's do for what a program does with
# them (indexing, iterating, printing), though they are not dict or tuple
# subclasses here.


class deque:
    def __init__(self, iterable=(), maxlen=None):
        self.maxlen = maxlen
        self._items = []
        for item in iterable:
            self.append(item)

    def append(self, item):
        self._items.append(item)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop(0)

    def appendleft(self, item):
        self._items.insert(0, item)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def extend(self, iterable):
        for item in iterable:
            self.append(item)

    def extendleft(self, iterable):
        for item in iterable:
            self.appendleft(item)

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items = []

    def count(self, item):
        return self._items.count(item)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        for item in list(self._items):
            yield item

    def __getitem__(self, i):
        return self._items[i]

    def __contains__(self, item):
        return item in self._items

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return f"deque({self._items!r})"
        return f"deque({self._items!r}, maxlen={self.maxlen})"


class _Mapping:
    # what defaultdict and Counter share: a dict inside, read through
    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        for key in list(self._d):
            yield key

    def get(self, key, default=None):
        return self._d.get(key, default)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def pop(self, key, *default):
        return self._d.pop(key, *default)

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def clear(self):
        self._d.clear()


class OrderedDict(_Mapping):
    # a dict keeps insertion order too; OrderedDict adds moving a key to
    # either end, popping from either end, and equality that minds order
    def __init__(self, *args, **kwargs):
        self._d = dict(*args, **kwargs)

    def __getitem__(self, key):
        return self._d[key]

    def update(self, *args, **kwargs):
        self._d.update(*args, **kwargs)

    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            rest = self._d
            self._d = {key: value}
            self._d.update(rest)

    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        keys = list(self._d)
        key = keys[-1] if last else keys[0]
        return key, self._d.pop(key)

    def copy(self):
        return OrderedDict(self._d)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._d.items()) == list(other._d.items())
        return self._d == other

    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return f"OrderedDict({list(self._d.items())!r})"


class defaultdict(_Mapping):
    def __init__(self, default_factory=None, *args, **kwargs):
        self.default_factory = default_factory
        self._d = dict(*args, **kwargs)

    def __getitem__(self, key):
        if key in self._d:
            return self._d[key]
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def __eq__(self, other):
        if isinstance(other, defaultdict):
            return self._d == other._d
        return self._d == other

    def update(self, *args, **kwargs):
        self._d.update(*args, **kwargs)

    def __repr__(self):
        return f"defaultdict({self.default_factory!r}, {self._d!r})"


class Counter(_Mapping):
    def __init__(self, iterable=None, /, **kwargs):
        self._d = {}
        self.update(iterable, **kwargs)

    # update and subtract as CPython's: a mapping adds (or takes away) its
    # counts, any other iterable counts each item once
    def update(self, iterable=None, /, **kwargs):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self._d:
                    for key, n in iterable.items():
                        self._d[key] = n + self._d.get(key, 0)
                else:
                    self._d.update(iterable)
            else:
                for key in iterable:
                    self._d[key] = self._d.get(key, 0) + 1
        if kwargs:
            self.update(kwargs)

    def subtract(self, iterable=None, /, **kwargs):
        if iterable is not None:
            if isinstance(iterable, dict):
                for key, n in iterable.items():
                    self._d[key] = self._d.get(key, 0) - n
            else:
                for key in iterable:
                    self._d[key] = self._d.get(key, 0) - 1
        if kwargs:
            self.subtract(kwargs)

    def most_common(self, n=None):
        ranked = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return ranked if n is None else ranked[:max(n, 0)]

    def elements(self):
        # each key as many times as its count, in insertion order; a count
        # below one gives nothing
        for key, n in list(self._d.items()):
            for _ in range(n):
                yield key

    def total(self):
        return sum(self._d.values())

    def copy(self):
        return Counter(self)

    def __getitem__(self, key):
        return self._d.get(key, 0)

    def __delitem__(self, key):
        if key in self._d:
            del self._d[key]

    # comparisons as in 3.10 and later: a missing count is a zero one
    def __eq__(self, other):
        if isinstance(other, Counter):
            return all(self[k] == other[k] for c in (self, other) for k in c)
        if isinstance(other, dict):
            return self._d == dict(other)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, Counter):
            return not self == other
        if isinstance(other, dict):
            return self._d != dict(other)
        return NotImplemented

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[k] <= other[k] for c in (self, other) for k in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[k] >= other[k] for c in (self, other) for k in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    # Arithmetic as CPython's Counter does it: the result keeps only
    # positive counts, self's keys first, then the other's new ones.
    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combine(other, lambda a, b: a + b, True)

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combine(other, lambda a, b: a - b, True)

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combine(other, max, True)

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combine(other, min, False)

    def _combine(self, other, op, other_keys):
        result = Counter()
        for key, n in self._d.items():
            m = op(n, other[key])
            if m > 0:
                result._d[key] = m
        if other_keys:
            for key, n in other._d.items():
                m = op(0, n)
                if key not in self._d and m > 0:
                    result._d[key] = m
        return result

    def __pos__(self):
        return Counter() + self

    def __neg__(self):
        return Counter() - self

    # c += d and the rest change c in place, as in CPython, so every name
    # for c sees the change
    def __iadd__(self, other):
        return self._update_in_place(self + other)

    def __isub__(self, other):
        return self._update_in_place(self - other)

    def __ior__(self, other):
        return self._update_in_place(self | other)

    def __iand__(self, other):
        return self._update_in_place(self & other)

    def _update_in_place(self, result):
        self._d.clear()
        self._d.update(result._d)
        return self

    def __repr__(self):
        if not self._d:
            return "Counter()"
        inner = ", ".join(f"{k!r}: {v!r}" for k, v in self.most_common())
        return "Counter({" + inner + "})"


class _Record:
    def __init__(self, typename, fields, values):
        self._typename = typename
        self._fields = fields
        self._values = tuple(values)
        for name, value in zip(fields, values):
            setattr(self, name, value)

    def __getitem__(self, i):
        return self._values[i]

    def __iter__(self):
        for value in self._values:
            yield value

    def __len__(self):
        return len(self._values)

    def __eq__(self, other):
        if isinstance(other, _Record):
            return self._values == other._values
        return self._values == other

    def _asdict(self):
        return dict(zip(self._fields, self._values))

    def _replace(self, **changes):
        values = [changes.get(f, v) for f, v in zip(self._fields, self._values)]
        return _Record(self._typename, self._fields, values)

    def __repr__(self):
        inner = ", ".join(f"{f}={v!r}" for f, v in zip(self._fields, self._values))
        return f"{self._typename}({inner})"


def namedtuple(typename, field_names, *, defaults=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    defaults = tuple(defaults) if defaults else ()

    def make(*args, **kwargs):
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs[name])
            elif len(fields) - fields.index(name) <= len(defaults):
                values.append(defaults[len(defaults) - (len(fields) - fields.index(name))])
            else:
                raise TypeError(f"{typename}.__new__() missing 1 required positional argument: '{name}'")
        return _Record(typename, fields, values)

    return make

# itertools as generators: lazy, as CPython's are, so count(), cycle()
# and repeat() can run for ever in a loop that breaks out.


def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    for _ in range(times):
        yield obj


def chain(*iterables):
    for it in iterables:
        yield from it


def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = 0, args[0], 1
    elif len(args) == 2:
        start, stop, step = args[0], args[1], 1
    else:
        start, stop, step = args[0], args[1], args[2]
    start = start or 0
    step = step or 1
    i = 0
    for x in iterable:
        if stop is not None and i >= stop:
            return
        if i >= start and (i - start) % step == 0:
            yield x
        i += 1


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for x in it:
        total = total + x if func is None else func(total, x)
        yield total


def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    for indices in product(range(n), repeat=r):
        if _distinct(indices):
            yield tuple(pool[i] for i in indices)


def _distinct(items):
    seen = []
    for x in items:
        if x in seen:
            return False
        seen.append(x)
    return True


def combinations(iterable, r):
    pool = tuple(iterable)
    for indices in permutations(range(len(pool)), r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)


def groupby(iterable, key=None):
    group = []
    current = None
    first = True
    for x in iterable:
        k = x if key is None else key(x)
        if not first and k != current:
            yield current, iter(group)
            group = []
        group.append(x)
        current = k
        first = False
    if not first:
        yield current, iter(group)


def zip_longest(*iterables, fillvalue=None):
    lists = [list(it) for it in iterables]
    n = max([len(l) for l in lists]) if lists else 0
    for i in range(n):
        yield tuple(l[i] if i < len(l) else fillvalue for l in lists)


def starmap(func, iterable):
    for args in iterable:
        yield func(*args)


def takewhile(predicate, iterable):
    for x in iterable:
        if not predicate(x):
            return
        yield x


def dropwhile(predicate, iterable):
    dropping = True
    for x in iterable:
        if dropping and predicate(x):
            continue
        dropping = False
        yield x

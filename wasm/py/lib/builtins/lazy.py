# map, filter, zip and enumerate are lazy, as in CPython: each value is computed
# when the loop (or next()) asks for it, and once used up they are empty.


def map(function, iterable, *iterables):
    if iterables:
        for args in zip(iterable, *iterables):
            yield function(*args)
    else:
        for item in iterable:
            yield function(item)


def filter(function, iterable):
    for item in iterable:
        if function is None:
            if item:
                yield item
        elif function(item):
            yield item


def zip(*iterables, strict=False):
    if not iterables:
        return
    iterators = [iter(x) for x in iterables]
    while True:
        row = []
        for i, it in enumerate(iterators):
            try:
                row.append(next(it))
            except StopIteration:
                if strict and (i > 0 or _zip_longer(iterators[1:])):
                    if i > 0:
                        raise ValueError(f"zip() argument {i + 1} is shorter than argument{'s 1-' + str(i) if i > 1 else ' 1'}") from None
                    raise ValueError("zip() argument 2 is longer than argument 1") from None
                return
        yield tuple(row)


def _zip_longer(iterators):
    for it in iterators:
        try:
            next(it)
            return True
        except StopIteration:
            pass
    return False


def enumerate(iterable, start=0):
    n = start
    for item in iterable:
        yield n, item
        n += 1

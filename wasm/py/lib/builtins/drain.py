# list(gen), sum(gen), any(gen) and the like, run as Python when gen is
# a generator, so a generator that blocks or waits (an executor's map)
# pauses the thread that drains it. any and all stop at the first item
# that decides, as CPython's do: the rest of the generator never runs.


def _drain(it):
    return [x for x in it]


def _drain_tuple(it):
    return tuple([x for x in it])


def _drain_sorted(it):
    return sorted([x for x in it])


def _drain_sum(it):
    return sum([x for x in it])


def _drain_any(it):
    for x in it:
        if x:
            return True
    return False


def _drain_all(it):
    for x in it:
        if not x:
            return False
    return True

# ExceptionGroup, which TaskGroup raises with the errors of its tasks.


class BaseExceptionGroup(BaseException):
    def __init__(self, message, exceptions):
        # args keep the sequence as given (TaskGroup's list prints as a
        # list in repr), while exceptions is always a tuple, as in CPython
        super().__init__(message, exceptions)
        self.message = message
        self.exceptions = tuple(exceptions)

    def __str__(self):
        n = len(self.exceptions)
        return f"{self.message} ({n} sub-exception{'s' if n > 1 else ''})"

    def subgroup(self, condition):
        kept = [e for e in self.exceptions if _matches(e, condition)]
        if not kept:
            return None
        return type(self)(self.message, kept)

    def split(self, condition):
        kept = [e for e in self.exceptions if _matches(e, condition)]
        rest = [e for e in self.exceptions if not _matches(e, condition)]
        return (type(self)(self.message, kept) if kept else None,
                type(self)(self.message, rest) if rest else None)


class ExceptionGroup(BaseExceptionGroup, Exception):
    pass


def _matches(exc, condition):
    if type(condition).__name__ == "function":
        return condition(exc)
    return isinstance(exc, condition)


def _star_split(exc, condition):
    # what an except* clause takes of exc, and what it leaves; a lone
    # exception that matches is handed over as a group of one
    if exc is None:
        return None, None
    if isinstance(exc, BaseExceptionGroup):
        return exc.split(condition)
    if isinstance(exc, condition):
        return ExceptionGroup("", (exc,)), None
    return None, exc


def _star_unhandled(orig, rest):
    # what leaves the try: the original exception when no clause took any
    # of it, else the group of what is left
    if rest is orig or not isinstance(rest, BaseExceptionGroup):
        return orig
    return rest

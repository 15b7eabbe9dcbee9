# math's integer functions, exact at any size as CPython's are.


def gcd(*integers):
    result = 0
    for n in integers:
        a, b = abs(result), abs(n)
        while b:
            a, b = b, a % b
        result = a
    return result


def lcm(*integers):
    result = 1
    for n in integers:
        if n == 0:
            return 0
        result = abs(result * n) // gcd(result, n)
    return result


def isqrt(n):
    if n < 0:
        raise ValueError("isqrt() argument must be nonnegative")
    if n == 0:
        return 0
    x = _start(n)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def _start(n):
    x = 1
    while x * x <= n:
        x *= 2
    return x


def comb(n, k):
    if n < 0 or k < 0:
        raise ValueError("n must be a non-negative integer" if n < 0 else "k must be a non-negative integer")
    if k > n:
        return 0
    k = min(k, n - k)
    result = 1
    for i in range(1, k + 1):
        result = result * (n - k + i) // i
    return result


def perm(n, k=None):
    if k is None:
        k = n
    if n < 0 or k < 0:
        raise ValueError("n must be a non-negative integer" if n < 0 else "k must be a non-negative integer")
    if k > n:
        return 0
    result = 1
    for i in range(n - k + 1, n + 1):
        result *= i
    return result


def prod(iterable, *, start=1):
    result = start
    for x in iterable:
        result = result * x
    return result

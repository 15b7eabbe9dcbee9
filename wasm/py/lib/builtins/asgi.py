# What the server runs around an app's code, as FastAPI and Starlette run
# it: a dependency with yield is entered before the endpoint and left
# after the response (and its background tasks), in reverse order; a
# lifespan context manager is entered when the server starts.


async def _asgi_agen_enter(func, args, exits):
    gen = func(*args)
    try:
        value = await gen.__anext__()
    except StopAsyncIteration:
        raise RuntimeError("async generator didn't yield") from None
    exits.append(gen)
    return value


async def _asgi_agen_exit(gen, exc=None):
    # after a failure (a 422, an HTTPException, an error) the exception is
    # thrown in at the yield, as FastAPI's exit stack does
    try:
        if exc is None:
            await gen.__anext__()
        else:
            await gen.athrow(exc)
    except StopAsyncIteration:
        return
    except BaseException as e:
        if e is exc:
            return
        raise
    raise RuntimeError("generator didn't stop")


def _asgi_gen_enter(func, args, exits):
    gen = func(*args)
    try:
        value = next(gen)
    except StopIteration:
        raise RuntimeError("generator didn't yield") from None
    exits.append(gen)
    return value


def _asgi_gen_exit(gen, exc=None):
    try:
        if exc is None:
            next(gen)
        else:
            gen.throw(exc)
    except StopIteration:
        return
    except BaseException as e:
        if e is exc:
            return
        raise
    raise RuntimeError("generator didn't stop")


async def _asgi_lifespan(lifespan, app):
    context = lifespan(app)
    await context.__aenter__()

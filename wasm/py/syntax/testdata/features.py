"""Every construct of the subset, for the golden dump."""
import asyncio, concurrent.futures as cf
from starlette.concurrency import (
    run_in_threadpool,
    iterate_in_threadpool as iterate,
)

MAX: int = 3
counts = {"a": 1, **defaults}
seen = {1, 2}
first, *rest = [1, 2, 3]
counts["a"] += 1; total = 0
square = lambda x, k=2: x ** k
evens = [n for n in range(10) if n % 2 == 0 if n]
lookup = {k: v for k, v in counts.items()}
window = rest[1:-1], rest[::2]
label = "big" if total > 10 else "small"
msg = f"{label!r:>10} {total=} {{done}}" " and more"
ok = not (a in b or c is not None) and d <= e < f

@app.get("/items/{item_id}", status_code=200)
async def read_item(item_id: int, *args, q: str = None, **kwargs) -> dict:
    """Return one item."""
    async with asyncio.timeout(2) as cm, lock:
        data = await fetch(item_id)
    async for chunk in stream(data):
        if not chunk:
            continue
        elif chunk == b:
            break
        else:
            pass
    try:
        result = await asyncio.wait_for(work(), timeout=1.5)
    except (asyncio.TimeoutError, ValueError) as exc:
        raise HTTPException(status_code=504) 
    finally:
        release()
    return {"item_id": item_id, "result": result, "n": sum(x for x in data)}

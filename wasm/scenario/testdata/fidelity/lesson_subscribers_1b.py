# From content/14-subscribers.md#scenario-1 "Two messages at once", version B ("coroutine on the loop").
import asyncio
import queue
import threading
from fastapi import FastAPI

app = FastAPI()
broker = queue.Queue()


async def on_message(order):
    await asyncio.sleep(1.5)  # the same wait, through an async client
    print(f"order {order} stored")


def subscribe(loop):
    for _ in range(10):
        order = broker.get()
        asyncio.run_coroutine_threadsafe(on_message(order), loop)


@app.on_event("startup")
async def start_subscriber():
    loop = asyncio.get_running_loop()
    threading.Thread(target=subscribe, args=(loop,), daemon=True).start()


@app.post("/publish/{first}/{last}")
async def publish(first: int, last: int):
    for order in range(first, last + 1):
        broker.put(order)
    return {"published": last - first + 1}


@app.get("/health")
async def health():
    return {"ok": True}

# From content/14-subscribers.md#scenario-1 "Two messages at once", version A ("blocking callback").
import asyncio
import queue
import threading
import time
from fastapi import FastAPI

app = FastAPI()
broker = queue.Queue()


def on_message(order):
    time.sleep(1.5)  # a blocking client call
    print(f"order {order} stored")


def subscribe(loop):
    for _ in range(10):
        order = broker.get()
        loop.call_soon_threadsafe(on_message, order)


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

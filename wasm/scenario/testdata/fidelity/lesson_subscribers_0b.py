# From content/14-subscribers.md#scenario-0 "One subscriber, two places for its callback", version B ("callback on the event loop").
import asyncio
import queue
import threading
import time
from fastapi import FastAPI

app = FastAPI()
broker = queue.Queue()  # stands in for the message broker


def on_message(order):
    time.sleep(1.5)  # a blocking client call
    print(f"order {order} stored")


def subscribe(loop):
    for _ in range(10):
        order = broker.get()  # waits for the next message
        loop.call_soon_threadsafe(on_message, order)


@app.on_event("startup")
async def start_subscriber():
    loop = asyncio.get_running_loop()
    threading.Thread(target=subscribe, args=(loop,), daemon=True).start()


@app.post("/publish/{order}")
async def publish(order: int):
    broker.put(order)
    return {"published": order}


@app.get("/health")
async def health():
    return {"ok": True}

# From content/14-subscribers.md#scenario-0 "One subscriber, two places for its callback", version A ("callback on its own thread").
import queue
import threading
import time
from fastapi import FastAPI

app = FastAPI()
broker = queue.Queue()  # stands in for the message broker


def on_message(order):
    time.sleep(1.5)  # a blocking client call
    print(f"order {order} stored")


def subscribe():
    for _ in range(10):
        order = broker.get()  # waits for the next message
        on_message(order)


@app.on_event("startup")
async def start_subscriber():
    threading.Thread(target=subscribe, daemon=True).start()


@app.post("/publish/{order}")
async def publish(order: int):
    broker.put(order)
    return {"published": order}


@app.get("/health")
async def health():
    return {"ok": True}

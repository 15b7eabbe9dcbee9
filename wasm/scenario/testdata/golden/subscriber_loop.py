# The same subscriber, but it hands each message to the event loop with
# call_soon_threadsafe: the callback's blocking call now stalls the loop.
import asyncio
import threading
import time
from fastapi import FastAPI

app = FastAPI()


def on_message(n):
    time.sleep(1)  # a blocking client, now on the event loop
    print(f"message {n} handled on {threading.current_thread().name}")


def subscribe(loop):
    for n in range(1, 4):
        time.sleep(1.5)  # waiting for the broker
        loop.call_soon_threadsafe(on_message, n)


@app.on_event("startup")
async def start_subscriber():
    loop = asyncio.get_running_loop()
    threading.Thread(target=subscribe, args=(loop,), daemon=True, name="subscriber").start()


@app.get("/health")
async def health():
    return {"ok": True}

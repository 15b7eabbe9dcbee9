# A message subscriber started with the app: its callback runs on the
# subscriber's own thread, so a blocking call there leaves the loop free.
import threading
import time
from fastapi import FastAPI

app = FastAPI()


def on_message(n):
    time.sleep(1)  # a blocking client, in the subscriber's thread
    print(f"message {n} handled on {threading.current_thread().name}")


def subscribe():
    for n in range(1, 4):
        time.sleep(1.5)  # waiting for the broker
        on_message(n)


@app.on_event("startup")
async def start_subscriber():
    threading.Thread(target=subscribe, daemon=True, name="subscriber").start()


@app.get("/health")
async def health():
    return {"ok": True}

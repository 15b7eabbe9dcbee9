# From content/13-after-the-response.md#scenario-1 "A blocking call in a background task", version B ("def task").
import time
import requests
from fastapi import FastAPI, BackgroundTasks

app = FastAPI()
REPORT_DELAY = 3.0  # seconds the reporting service takes


def refresh_stats():
    time.sleep(0.5)  # the same query, through a blocking driver
    requests.get(f"http://upstream/delay/{REPORT_DELAY}")  # blocks its thread


@app.post("/orders")
async def place_order(tasks: BackgroundTasks):
    tasks.add_task(refresh_stats)
    return {"order": "accepted"}


@app.get("/ping")
async def ping():
    return {"ok": True}

# From content/13-after-the-response.md#scenario-1 "A blocking call in a background task", version A ("async def task").
import asyncio
import requests
from fastapi import FastAPI, BackgroundTasks

app = FastAPI()
REPORT_DELAY = 3.0  # seconds the reporting service takes


async def refresh_stats():
    await asyncio.sleep(0.5)  # an awaited query: fine
    requests.get(f"http://upstream/delay/{REPORT_DELAY}")  # blocks the loop


@app.post("/orders")
async def place_order(tasks: BackgroundTasks):
    tasks.add_task(refresh_stats)
    return {"order": "accepted"}


@app.get("/ping")
async def ping():
    return {"ok": True}

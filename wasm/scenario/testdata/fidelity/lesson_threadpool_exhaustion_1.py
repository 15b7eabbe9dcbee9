# From content/09-threadpool-exhaustion.md#scenario-1 "A pool of its own for the slow call".
import asyncio
from concurrent.futures import ThreadPoolExecutor
import requests
from fastapi import FastAPI, Depends

app = FastAPI()
PARTNER_DELAY = 3.0  # seconds the partner API takes to answer
export_pool = ThreadPoolExecutor(max_workers=20)


def current_user():
    return {"name": "ada"}


@app.get("/export")
async def export():
    loop = asyncio.get_running_loop()
    url = f"http://upstream/delay/{PARTNER_DELAY}"
    await loop.run_in_executor(export_pool, requests.get, url)
    return {"rows": 5000}


@app.get("/ping")
async def ping():
    return {"ok": True}


@app.get("/whoami")
def whoami():
    return {"name": "ada"}


@app.get("/profile")
async def profile(user: dict = Depends(current_user)):
    return user

import asyncio
import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
async def hello():
    await asyncio.sleep(4)
    return {"greeting": "hello"}


@app.get("/slow")
async def slow():
    time.sleep(4)  # blocks the event loop: nothing else runs
    return {"greeting": "finally"}

# time.sleep inside async def blocks the loop: everyone waits in turn.
import asyncio
import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
async def hello():
    await asyncio.sleep(1)
    return {"greeting": "hello"}


@app.get("/slow")
async def slow():
    time.sleep(1)
    return {"greeting": "finally"}

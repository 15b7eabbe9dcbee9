# Requests arriving over time: one blocking call delays only those behind it.
import asyncio
import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/fast")
async def fast():
    await asyncio.sleep(0.2)
    return {"ok": True}


@app.get("/block")
async def block():
    time.sleep(0.5)
    return {"ok": True}

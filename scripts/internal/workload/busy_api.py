import asyncio
import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/fast")
async def fast():
    await asyncio.sleep(0.5)
    return {}


@app.get("/sync")
def sync():
    time.sleep(0.2)
    return {}

# A sync dependency runs in the threadpool before the async endpoint.
import asyncio
import time
from fastapi import FastAPI, Depends

app = FastAPI()


def settings():
    time.sleep(0.3)
    return {"limit": 3}


@app.get("/items")
async def items(conf: dict = Depends(settings)):
    await asyncio.sleep(0.2)
    return conf

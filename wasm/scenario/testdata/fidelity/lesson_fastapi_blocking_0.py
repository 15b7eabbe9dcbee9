# From content/07-fastapi-blocking.md#scenario-0 "A polite endpoint and a rude one".
from fastapi import FastAPI
import asyncio
import time

api = FastAPI()


@api.get("/polite")
async def polite():
    await asyncio.sleep(4)
    return {"waited": "politely"}


@api.get("/rude")
async def rude():
    time.sleep(4)
    return {"waited": "rudely"}

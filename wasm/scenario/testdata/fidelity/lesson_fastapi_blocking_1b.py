# From content/07-fastapi-blocking.md#scenario-1 "Three requests, two kinds of sleep", version B ("await asyncio.sleep").
from fastapi import FastAPI
import asyncio

api = FastAPI()


@api.get("/wait")
async def wait():
    await asyncio.sleep(2)
    return {}

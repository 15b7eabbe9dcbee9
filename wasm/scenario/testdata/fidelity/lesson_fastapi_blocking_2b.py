# From content/07-fastapi-blocking.md#scenario-2 "A blocking HTTP client inside async def", version B ("time.sleep").
import time
from fastapi import FastAPI

api = FastAPI()
PARTNER_DELAY = 1.0  # seconds the partner API takes to answer


@api.get("/quote")
async def quote():
    time.sleep(PARTNER_DELAY)
    return {"price": {}}


@api.get("/ping")
async def ping():
    return {"ok": True}

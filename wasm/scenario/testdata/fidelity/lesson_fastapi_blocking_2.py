# From content/07-fastapi-blocking.md#scenario-2 "A blocking HTTP client inside async def", version A ("requests.get").
import requests
from fastapi import FastAPI

api = FastAPI()
PARTNER_DELAY = 1.0  # seconds the partner API takes to answer


@api.get("/quote")
async def quote():
    reply = requests.get(f"http://upstream/delay/{PARTNER_DELAY}")
    return {"price": reply.json()}


@api.get("/ping")
async def ping():
    return {"ok": True}

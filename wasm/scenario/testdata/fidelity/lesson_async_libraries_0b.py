# From content/10-async-libraries.md#scenario-0 "Three price lookups and a health probe", version B ("await client.get").
import httpx
from fastapi import FastAPI

app = FastAPI()
PRICING_DELAY = 1.0  # how long the pricing service takes to answer


@app.get("/price")
async def price():
    async with httpx.AsyncClient() as client:
        reply = await client.get(f"http://upstream/delay/{PRICING_DELAY}")
    return {"quote": reply.json()}


@app.get("/health")
async def health():
    return {"status": "ok"}

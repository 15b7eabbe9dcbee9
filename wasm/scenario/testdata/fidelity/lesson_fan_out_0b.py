# From content/12-fan-out.md#scenario-0 "Four upstream calls for one page", version B ("one by one").
import asyncio
import httpx
from fastapi import FastAPI

app = FastAPI()


def delay(seconds):  # the address of a service that answers after seconds
    return f"http://upstream/delay/{seconds}"


@app.get("/dashboard")
async def dashboard():
    async with httpx.AsyncClient() as client:
        profile = await client.get(delay(1))
        orders = await client.get(delay(1.5))
        offers = await client.get(delay(2))
        alerts = await client.get(delay(0.5))
    return {"sections": 4}

# From content/12-fan-out.md#scenario-0 "Four upstream calls for one page", version A ("gather").
import asyncio
import httpx
from fastapi import FastAPI

app = FastAPI()


def delay(seconds):  # the address of a service that answers after seconds
    return f"http://upstream/delay/{seconds}"


@app.get("/dashboard")
async def dashboard():
    async with httpx.AsyncClient() as client:
        profile, orders, offers, alerts = await asyncio.gather(
            client.get(delay(1)),
            client.get(delay(1.5)),
            client.get(delay(2)),
            client.get(delay(0.5)),
        )
    return {"sections": 4}

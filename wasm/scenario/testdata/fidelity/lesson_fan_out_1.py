# From content/12-fan-out.md#scenario-1 "Ten stock checks, three at a time".
import asyncio
import httpx
from fastapi import FastAPI

app = FastAPI()
supplier_slots = asyncio.Semaphore(3)  # the supplier allows 3 calls at a time


async def check_stock(client):
    async with supplier_slots:
        r = await client.get("http://upstream/delay/1")
    return r.status_code


@app.get("/restock")
async def restock():
    async with httpx.AsyncClient() as client:
        checks = [check_stock(client) for _ in range(10)]
        statuses = await asyncio.gather(*checks)
    return {"checked": len(statuses)}

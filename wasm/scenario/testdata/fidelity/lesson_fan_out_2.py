# From content/12-fan-out.md#scenario-2 "A timeout beside a blocked loop", version A ("time.sleep neighbour").
import asyncio
import time
import httpx
from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/quote")
async def quote():
    async with httpx.AsyncClient() as client:
        try:
            reply = await asyncio.wait_for(
                client.get("http://upstream/delay/4"),
                timeout=1,
            )
        except asyncio.TimeoutError:
            raise HTTPException(504, detail="pricing service too slow")
    return reply.json()


@app.get("/report")
async def report():
    time.sleep(2.5)
    return {"rows": 120}

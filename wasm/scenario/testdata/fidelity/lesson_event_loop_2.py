# From content/06-event-loop.md#scenario-2 "Twenty calls to a slow service".
import httpx
from fastapi import FastAPI

app = FastAPI()
SERVICE_DELAY = 1.0  # how long the slow service takes to answer


@app.get("/quote")
async def quote():
    async with httpx.AsyncClient() as client:
        r = await client.get(f"http://upstream/delay/{SERVICE_DELAY}")
    return r.json()

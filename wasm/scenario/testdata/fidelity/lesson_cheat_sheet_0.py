# From content/16-cheat-sheet.md#scenario-0 "Every rule in one app", version A ("requests in async def").
import httpx
import requests
from fastapi import FastAPI

app = FastAPI()
SERVICE_DELAY = 1.0  # how long the slow service takes to answer


@app.get("/weather")
async def weather():
    async with httpx.AsyncClient() as client:
        r = await client.get(f"http://upstream/delay/{SERVICE_DELAY}")
    return r.json()


@app.get("/legacy")
async def legacy():
    r = requests.get(f"http://upstream/delay/{SERVICE_DELAY}")
    return r.json()


@app.get("/health")
async def health():
    return {"status": "ok"}

# requests blocks the loop while it waits; httpx's AsyncClient does not.
import httpx
import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/blocking")
async def blocking():
    r = requests.get("http://upstream/delay/0.3")
    return r.json()


@app.get("/awaited")
async def awaited():
    async with httpx.AsyncClient() as client:
        r = await client.get("http://upstream/delay/0.3")
    return r.json()

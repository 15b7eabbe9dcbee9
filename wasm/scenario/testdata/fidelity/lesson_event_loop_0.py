# From content/06-event-loop.md#scenario-0 "Twenty requests that wait".
import asyncio
from fastapi import FastAPI

app = FastAPI()


@app.get("/stock")
async def stock():
    await asyncio.sleep(1)
    return {"in_stock": 12}

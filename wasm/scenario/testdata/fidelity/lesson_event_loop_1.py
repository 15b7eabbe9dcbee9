# From content/06-event-loop.md#scenario-1 "Work before the wait", version A ("50 ms of work, then the wait").
import asyncio
from fastapi import FastAPI

app = FastAPI()


@app.get("/stock")
async def stock():
    cpu(0.05)
    await asyncio.sleep(1)
    return {"in_stock": 12}

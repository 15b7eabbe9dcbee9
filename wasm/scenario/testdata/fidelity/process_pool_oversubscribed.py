# Three worker processes on two cores share them evenly only on average: one finishes first.
# runs: 30
import asyncio
from concurrent.futures import ProcessPoolExecutor
from fastapi import FastAPI

app = FastAPI()
pool = ProcessPoolExecutor(max_workers=3)


@app.get("/crunch")
async def crunch():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(pool, cpu, 0.6)
    return {"ok": True}

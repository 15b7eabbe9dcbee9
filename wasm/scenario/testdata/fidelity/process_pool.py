# A process pool runs CPU work in parallel, one GIL per process.
import asyncio
from concurrent.futures import ProcessPoolExecutor
from fastapi import FastAPI

app = FastAPI()
pool = ProcessPoolExecutor(max_workers=2)


@app.get("/crunch")
async def crunch():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(pool, cpu, 0.5)
    return {"ok": True}

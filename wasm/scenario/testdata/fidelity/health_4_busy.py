# /health beside 4 CPU-bound thread(s): every loop wake-up needs the GIL.
# compare: latency-distribution
# runs: 30
import asyncio
from fastapi import FastAPI

app = FastAPI()


@app.get("/work")
async def work():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, cpu, 3)
    return {}


@app.get("/health")
async def health():
    return {"status": "ok"}

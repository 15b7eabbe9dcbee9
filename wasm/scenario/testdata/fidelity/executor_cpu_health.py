# CPU work in the default executor keeps /health answering, at a GIL price.
# compare: latency-distribution
# runs: 30
import asyncio
from fastapi import FastAPI

app = FastAPI()


def crunch():
    cpu(0.5)
    return {"factors": [2, 3, 7]}


@app.get("/factorize")
async def factorize():
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, crunch)


@app.get("/health")
async def health():
    return {"status": "ok"}

# From content/11-cpu-bound.md#scenario-0 "Factorizing beside a health check", version B ("run_in_executor").
import asyncio
from fastapi import FastAPI

app = FastAPI()


def factorize_number():
    cpu(2)  # two seconds of pure-Python arithmetic
    return [3, 7, 11, 13]


@app.get("/factorize")
async def factorize():
    loop = asyncio.get_running_loop()
    factors = await loop.run_in_executor(None, factorize_number)
    return {"factors": factors}


@app.get("/health")
async def health():
    return {"status": "ok"}

# From content/11-cpu-bound.md#scenario-1 "Two factorizations, threads or processes", version A ("ThreadPoolExecutor").
import asyncio
from concurrent.futures import ThreadPoolExecutor
from fastapi import FastAPI

app = FastAPI()
pool = ThreadPoolExecutor(max_workers=2)


def factorize_number():
    cpu(1)  # one second of pure-Python arithmetic
    return [3, 7, 11, 13]


@app.get("/factorize")
async def factorize():
    loop = asyncio.get_running_loop()
    factors = await loop.run_in_executor(pool, factorize_number)
    return {"factors": factors}

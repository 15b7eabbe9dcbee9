import asyncio
from fastapi import FastAPI

app = FastAPI()


def factorize():
    cpu(1.0)  # one second of pure-Python number crunching
    return {"factors": [2, 3, 7]}


@app.get("/factorize")
async def factorize_endpoint():
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, factorize)


@app.get("/health")
async def health():
    return {"status": "ok"}

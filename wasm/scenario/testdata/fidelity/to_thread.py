# asyncio.to_thread moves a blocking call to the default executor.
import asyncio
import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/offload")
async def offload():
    await asyncio.to_thread(time.sleep, 0.5)
    return {"ok": True}

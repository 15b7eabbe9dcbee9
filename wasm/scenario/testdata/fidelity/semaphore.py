# asyncio.Semaphore(2) lets two requests at a time call the slow service.
import asyncio
from fastapi import FastAPI

app = FastAPI()
gate = asyncio.Semaphore(2)


@app.get("/proxy")
async def proxy():
    async with gate:
        await asyncio.sleep(0.4)
    return {"ok": True}

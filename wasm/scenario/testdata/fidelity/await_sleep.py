# Awaiting requests share the loop: all finish together.
import asyncio
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
async def hello():
    await asyncio.sleep(1)
    return {"greeting": "hello"}

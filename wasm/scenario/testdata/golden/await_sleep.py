import asyncio
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
async def hello():
    await asyncio.sleep(4)
    return {"greeting": "hello"}

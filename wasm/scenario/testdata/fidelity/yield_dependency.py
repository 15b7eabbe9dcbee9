# A dependency's code after its yield runs after the response: its time is not in the latency.
# A plain one runs in the threadpool both times.
import asyncio
import time
from fastapi import Depends, FastAPI

app = FastAPI()


async def session():
    await asyncio.sleep(0.1)
    try:
        yield "session"
    finally:
        await asyncio.sleep(0.5)


def ledger():
    time.sleep(0.2)
    yield "ledger"
    time.sleep(0.3)


@app.get("/pay")
async def pay(db: str = Depends(session), book: str = Depends(ledger)):
    await asyncio.sleep(0.1)
    return {"db": db, "book": book}


@app.get("/ping")
async def ping():
    return {"ok": True}

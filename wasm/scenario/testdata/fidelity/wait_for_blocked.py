# A timeout cannot fire while the loop is blocked: it fires late.
import asyncio
import time
from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/hog")
async def hog():
    time.sleep(1)
    return {"ok": True}


@app.get("/bounded")
async def bounded():
    try:
        await asyncio.wait_for(asyncio.sleep(2), timeout=0.3)
    except asyncio.TimeoutError:
        raise HTTPException(status_code=504, detail="upstream too slow")
    return {"ok": True}

# wait_for gives up at its timeout and answers with a 504.
import asyncio
from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/bounded")
async def bounded():
    try:
        await asyncio.wait_for(asyncio.sleep(2), timeout=0.3)
    except asyncio.TimeoutError:
        raise HTTPException(status_code=504, detail="upstream too slow")
    return {"ok": True}

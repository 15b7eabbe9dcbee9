# CPU work inside async def runs on the loop itself: one request at a time.
from fastapi import FastAPI

app = FastAPI()


@app.get("/crunch")
async def crunch():
    cpu(0.3)
    return {"ok": True}


@app.get("/health")
async def health():
    return {"status": "ok"}

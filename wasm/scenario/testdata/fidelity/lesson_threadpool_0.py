# From content/08-threadpool.md#scenario-0 "One blocking endpoint, def or async def", version A ("def").
import time
from fastapi import FastAPI

app = FastAPI()


@app.get("/report")
def report():
    time.sleep(2)
    return {"rows": 120}


@app.get("/health")
async def health():
    return {"status": "ok"}

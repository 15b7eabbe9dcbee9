# From content/11-cpu-bound.md#scenario-2 "One worker process or two", version B ("--workers 2").
# settings: workers=2
# connect: at-send
from fastapi import FastAPI

app = FastAPI()


@app.get("/factorize")
async def factorize():
    cpu(1)  # one second of pure-Python arithmetic, on the loop
    return {"factors": [3, 7, 11, 13]}


@app.get("/health")
async def health():
    return {"status": "ok"}

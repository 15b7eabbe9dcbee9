# From content/11-cpu-bound.md#scenario-0 "Factorizing beside a health check", version A ("on the loop").
from fastapi import FastAPI

app = FastAPI()


def factorize_number():
    cpu(2)  # two seconds of pure-Python arithmetic
    return [3, 7, 11, 13]


@app.get("/factorize")
async def factorize():
    return {"factors": factorize_number()}


@app.get("/health")
async def health():
    return {"status": "ok"}

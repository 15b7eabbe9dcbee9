# From content/09-threadpool-exhaustion.md#scenario-0 "Forty slow exports, then three quick requests", version B ("async def + httpx").
import httpx
from fastapi import FastAPI, Depends

app = FastAPI()
PARTNER_DELAY = 4.0  # seconds the partner API takes to answer
clients = {}  # made once at startup, shared by every request


@app.on_event("startup")
async def open_clients():
    clients["partner"] = httpx.AsyncClient()


def current_user():
    return {"name": "ada"}


@app.get("/export")
async def export():
    await clients["partner"].get(f"http://upstream/delay/{PARTNER_DELAY}")
    return {"rows": 5000}


@app.get("/ping")
async def ping():
    return {"ok": True}


@app.get("/whoami")
def whoami():
    return {"name": "ada"}


@app.get("/profile")
async def profile(user: dict = Depends(current_user)):
    return user

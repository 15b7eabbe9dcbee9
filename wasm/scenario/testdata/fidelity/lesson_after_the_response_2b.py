# From content/13-after-the-response.md#scenario-2 "Where a dependency runs", version B ("async def dependency").
import requests
from fastapi import FastAPI, Depends

app = FastAPI()
ACCOUNTS_DELAY = 1.0  # seconds the accounts service takes to answer


async def load_account():
    requests.get(f"http://upstream/delay/{ACCOUNTS_DELAY}")
    return {"plan": "pro"}


@app.get("/dashboard")
async def dashboard(account: dict = Depends(load_account)):
    return {"plan": account["plan"]}

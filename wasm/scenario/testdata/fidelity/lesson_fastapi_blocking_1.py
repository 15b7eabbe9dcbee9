# From content/07-fastapi-blocking.md#scenario-1 "Three requests, two kinds of sleep", version A ("time.sleep").
from fastapi import FastAPI
import time

api = FastAPI()


@api.get("/wait")
async def wait():
    time.sleep(2)
    return {}
